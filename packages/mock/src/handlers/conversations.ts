import { paginate } from '../http/paging'
import { type MockCore, type Registry, STREAMED } from '../http/types'
import { SseWriter } from '../realtime/sse'
import { addTurn, closeConversation, conversationFor, createConversation } from '../simulation/conversations'
import { tokensOf } from '../simulation/script'

const BASE = '/v1/{workspace_id}/conversations'

const snapshot = (c: Record<string, any>) => ({
  id: c.id,
  status: c.status,
  turn_count: c.turn_count,
  updated_at: c.updated_at,
})
const summaryOf = (c: Record<string, any>) => {
  const { turns: _turns, voice: _voice, plan: _plan, ...rest } = c
  return rest
}

/** Text conversations: create, turns (JSON and SSE), blocking `messages`, close. */
export function registerConversations(reg: Registry, core: MockCore): void {
  registerConversationRecords(reg, core)
  registerConversationTurns(reg, core)
}

/** The one tool call a turn reports when asked to (`include_tool_calls`). */
const TOOL_CALL = { call_id: 'tool_1', tool_name: 'lookup_availability' }

/** List, create, read and close conversations. */
function registerConversationRecords(reg: Registry, core: MockCore): void {
  const { store } = core
  reg.on('GET', BASE, (ctx) => {
    const rows = store.conversations
      .list(
        (c) =>
          c.workspace_id === ctx.path.workspace_id &&
          (!ctx.query.status || c.status === ctx.query.status) &&
          (!ctx.query.channel_kind || c.channel_kind === ctx.query.channel_kind),
      )
      .reverse()
      .map(summaryOf)
    return { body: paginate(ctx, rows) }
  })
  reg.on('POST', BASE, (ctx) => {
    const row = createConversation(core, {
      workspaceId: ctx.path.workspace_id,
      serviceId: ctx.body.service_id,
      entityId: ctx.body.entity_id,
      autoGreet: ctx.body.auto_greet,
      principal: ctx.principal,
    })
    return { status: 201, body: row }
  })
  reg.on('GET', `${BASE}/{conversation_id}`, (ctx) => ({
    body: conversationFor(core, ctx.path.conversation_id, ctx.path.workspace_id, ctx.principal),
  }))
  reg.on('DELETE', `${BASE}/{conversation_id}`, (ctx) => {
    closeConversation(
      core,
      conversationFor(core, ctx.path.conversation_id, ctx.path.workspace_id, ctx.principal),
      ctx.path.workspace_id,
    )
    return { status: 204 }
  })
}

/** A turn as JSON, as an SSE stream, and the blocking `messages` form. */
function registerConversationTurns(reg: Registry, core: MockCore): void {
  const { store } = core
  reg.on('POST', `${BASE}/{conversation_id}/turns`, (ctx) => {
    const conv = conversationFor(core, ctx.path.conversation_id, ctx.path.workspace_id, ctx.principal)
    const { input, output, turnId } = addTurn(core, conv, ctx.body.message)
    const toolCalls = ctx.query.include_tool_calls
      ? [{ ...TOOL_CALL, input: { text: ctx.body.message }, result: 'ok', succeeded: true, duration_ms: 12 }]
      : []
    return {
      body: store.makeUnchecked('TurnResponse', {
        turn_id: turnId,
        input,
        output,
        conversation: snapshot(conv),
        tool_calls: toolCalls,
      }),
    }
  })
  reg.on('POST', `${BASE}/{conversation_id}/turns/stream`, async (ctx): Promise<typeof STREAMED> => {
    const conv = conversationFor(core, ctx.path.conversation_id, ctx.path.workspace_id, ctx.principal)
    const { output } = addTurn(core, conv, ctx.body.message)
    const reply = String(output[0]!.text)
    const sse = new SseWriter(ctx.res, ctx.fault?.sseDropEvery)
    sse.open({ 'x-request-id': ctx.requestId })
    const events = turnStreamEvents(
      conv,
      reply,
      ctx.query.include_tool_calls ? { text: ctx.body.message } : undefined,
    )
    for (const [name, data] of events) {
      if (!sse.event(name, data)) return STREAMED
      // Unref'd: a closed mock must not keep the process alive for the rest of the turn.
      await new Promise((r) => setTimeout(r, core.options.turnTokenDelayMs).unref())
    }
    sse.end()
    return STREAMED
  })
  reg.on('POST', `${BASE}/messages`, (ctx) => {
    const conv = ctx.body.conversation_id
      ? conversationFor(core, ctx.body.conversation_id, ctx.path.workspace_id, ctx.principal)
      : createConversation(core, {
          workspaceId: ctx.path.workspace_id,
          serviceId: ctx.body.service_id,
          entityId: ctx.body.entity_id,
          autoGreet: false,
          principal: ctx.principal,
        })
    const { output } = addTurn(core, conv, ctx.body.message)
    return {
      body: {
        conversation_id: conv.id,
        messages: output.map((m) => ({ role: m.role, text: m.text })),
        status: 'active',
      },
    }
  })
}

/** The SSE events of one streamed turn; `toolInput` (given when tool calls were asked for) adds the tool call. */
function turnStreamEvents(conv: Record<string, any>, reply: string, toolInput?: Record<string, unknown>) {
  const events: Array<[string, Record<string, unknown>]> = [['thinking', { tier: 1, tier_name: 'fast' }]]
  if (toolInput !== undefined) {
    events.push(['tool_call_started', { ...TOOL_CALL, input: toolInput }])
    events.push(['tool_call_completed', { ...TOOL_CALL, result: 'ok', succeeded: true }])
  }
  for (const t of tokensOf(reply)) events.push(['token', { text: t }])
  events.push(['message', { role: 'agent', text: reply }])
  events.push(['done', { conversation_id: conv.id, status: conv.status, turn_count: conv.turn_count }])
  return events
}
