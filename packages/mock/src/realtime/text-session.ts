import type { Principal } from '../auth/principal'
import { HttpError, type MockCore } from '../http/types'
import { addTurn, conversationFor, createConversation } from '../simulation/conversations'
import { tokensOf } from '../simulation/script'
import { parseJsonText } from '../spec/json-text'

/** One text-stream socket: where it talks and the conversation it continues. */
export interface TextSession {
  workspaceId: string
  serviceId: string
  session: { conversationId?: string; turnCount: number }
  toolEvents: boolean
}

/**
 * True when `principal` may continue conversation `id` in the workspace (it is the workspace's and,
 * for an external user, theirs).
 */
export function mayContinue(core: MockCore, id: string, workspaceId: string, principal: Principal): boolean {
  try {
    conversationFor(core, id, workspaceId, principal)
    return true
  } catch {
    return false
  }
}

const clientError = (message: string) => ({ type: 'error', code: 'client_error', message })

/**
 * The frames answering one client frame: the reply to a `{"type":"message"}`, or an error frame for
 * a frame that is not one or a turn the platform refuses (a closed conversation). Never throws: the
 * socket listener that calls it has nobody to catch for it.
 */
export function answerTextFrame(core: MockCore, t: TextSession, raw: string): Array<Record<string, unknown>> {
  // Read as HTTP bodies are: a frame nested past the same depth is refused, as a non-JSON one is.
  const parsed = parseJsonText(raw)
  if (!parsed.ok) return [clientError(`frames must be JSON: ${parsed.reason}`)]
  const frame = parsed.value as any
  if (frame?.type !== 'message' || typeof frame.text !== 'string' || !frame.text)
    return [clientError('expected {"type":"message","text":"..."}')]
  try {
    return textReplyFrames(core, t.workspaceId, t.serviceId, t.session, frame.text, t.toolEvents)
  } catch (e) {
    if (e instanceof HttpError) return [clientError(e.message)]
    console.error('platform-mock: text-stream reply failed:', e)
    return [{ type: 'error', code: 'server_error', message: 'Internal mock error' }]
  }
}

/** Frames the text-stream socket sends back for one user message (opening a conversation if needed). */
function textReplyFrames(
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
