import type { Principal } from '../auth/principal'
import { inWorkspace } from '../http/in-workspace'
import type { MockCore } from '../http/types'
import { forbidden, HttpError, notFound } from '../http/types'
import type { ConversationRow, Row } from '../state/rows'
import { GREETING, scriptedReply } from './script'

/** Opens a text conversation on a service of the workspace (emits `text.started`). */
export function createConversation(
  core: MockCore,
  args: {
    workspaceId: string
    serviceId: string
    entityId?: string | null
    autoGreet?: boolean
    principal?: Principal
  },
): ConversationRow {
  const { store } = core
  inWorkspace(store.services, args.serviceId, args.workspaceId, 'Service')
  const p = args.principal
  if (p?.kind === 'external_user') {
    if (p.serviceId !== args.serviceId) throw forbidden('service_id does not match the session token')
    if (p.entityId && args.entityId && p.entityId !== args.entityId)
      throw forbidden('entity_id does not match the session token')
  }
  if (args.entityId) inWorkspace(store.entities, args.entityId, args.workspaceId, 'Entity')
  const now = store.now()
  const turns =
    args.autoGreet === false ? [] : [{ role: 'agent', text: GREETING, timestamp: now, content: [] }]
  const row = store.makeUnchecked<ConversationRow>('ConversationDetail', {
    id: store.id(),
    workspace_id: args.workspaceId,
    service_id: args.serviceId,
    entity_id: args.entityId ?? p?.entityId ?? null,
    channel_kind: 'web',
    lifecycle: 'active',
    status: 'active',
    created_at: now,
    updated_at: now,
    turn_count: 0,
    turns,
    source: p?.kind === 'external_user' ? 'external_user' : 'api',
  })
  store.conversations.put(row)
  if (p?.kind === 'external_user') store.conversationOwners.set(row.id, p.subject)
  core.emit(
    'text.started',
    { session_id: row.id, service_id: args.serviceId, entity_id: row.entity_id, channel_kind: 'web' },
    args.workspaceId,
  )
  return row
}

/** The conversation of the workspace if the caller may use it (external users only see their own). */
export function conversationFor(
  core: MockCore,
  id: string,
  workspaceId: string,
  principal?: Principal,
): ConversationRow {
  const row = inWorkspace(core.store.conversations, id, workspaceId, 'Conversation')
  if (principal?.kind === 'external_user' && core.store.conversationOwners.get(id) !== principal.subject)
    throw notFound('Conversation')
  return row
}

/** Appends a user turn and the scripted agent reply. */
export function addTurn(
  core: MockCore,
  conv: Row,
  message: string,
): { input: Row; output: Row[]; turnId: string } {
  if (conv.lifecycle === 'closed') throw new HttpError(409, { detail: 'Conversation is closed' })
  const now = core.store.now()
  const input = { role: 'user', text: message, timestamp: now, content: [] }
  const output = [{ role: 'agent', text: scriptedReply(message), timestamp: now, content: [] }]
  conv.turns = [...(conv.turns ?? []), input, ...output]
  conv.turn_count = (conv.turn_count ?? 0) + 1
  conv.updated_at = now
  return { input, output, turnId: `turn_${core.store.random.hex(16)}` }
}

/** Closes a conversation (emits `text.completed`). */
export function closeConversation(core: MockCore, conv: Row, workspaceId: string): void {
  if (conv.lifecycle === 'closed') return
  conv.lifecycle = 'closed'
  conv.status = 'closed'
  conv.updated_at = core.store.now()
  core.emit(
    'text.completed',
    {
      session_id: conv.id,
      channel_kind: conv.channel_kind,
      duration_seconds: Math.max(0, (Date.parse(conv.updated_at) - Date.parse(conv.created_at)) / 1000),
      final_state: 'farewell',
      turn_count: conv.turn_count ?? 0,
      completion_reason: 'closed',
    },
    workspaceId,
  )
}
