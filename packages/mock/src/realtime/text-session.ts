import type { MockCore } from '../http/types'
import { addTurn, createConversation } from '../simulation/conversations'
import { tokensOf } from '../simulation/script'

/** Frames the text-stream socket sends back for one user message (opening a conversation if needed). */
export function textReplyFrames(
  core: MockCore,
  workspaceId: string,
  serviceId: string,
  session: { conversationId?: string; turnCount: number },
  text: string,
  toolEvents: boolean,
): Array<Record<string, unknown>> {
  let conv = session.conversationId ? core.store.conversations.get(session.conversationId) : undefined
  if (!conv) {
    conv = createConversation(core, { workspaceId, serviceId, autoGreet: false })
    session.conversationId = conv.id
  }
  const { output } = addTurn(core, conv, text)
  const reply = output[0]!.text as string
  const frames: Array<Record<string, unknown>> = []
  if (toolEvents) {
    frames.push({
      type: 'tool_call_started',
      call_id: 'tool_1',
      tool_name: 'lookup_availability',
      input: { text },
    })
    frames.push({
      type: 'tool_call_completed',
      call_id: 'tool_1',
      tool_name: 'lookup_availability',
      succeeded: true,
      result: 'ok',
    })
  }
  for (const t of tokensOf(reply)) frames.push({ type: 'token', text: t })
  frames.push({ type: 'message', role: 'agent', text: reply, conversation_id: conv.id })
  frames.push({ type: 'done', conversation_id: conv.id, status: 'active', turn_count: conv.turn_count })
  session.turnCount = conv.turn_count
  return frames
}
