import { AmigoError, redactDeep, redactSecrets } from '@amigo-ai/core'
import { callUserCallback } from '../callbacks/call-user-callback'
import type { TextChatServerFrame } from './text-chat-frames'

/** The agent's reply to one user message. */
export interface TextChatReply {
  /** The final text (the `message` frame, else the joined deltas). */
  text: string
  /** The conversation id, once the server has named it. */
  conversationId?: string
}

interface PendingTurn {
  deltas: string[]
  resolve(reply: TextChatReply): void
  reject(error: unknown): void
}

/**
 * The user messages awaiting a reply, oldest first, and how the server's frames settle them: deltas
 * go to the oldest turn, `message` (or a `done` without one) resolves it, `error` rejects it. Also
 * remembers the conversation id the server names, to resume with after a reconnect, and tells
 * `onWaiting` when the first turn starts waiting and when the last one is settled.
 */
export class TextChatTurns {
  readonly #turns: PendingTurn[] = []
  // A turn ends with `message` and then `done`; the `done` after a `message` belongs to the turn that
  // was already resolved, not to the next one queued behind it.
  #answered = false

  readonly #onDelta: ((text: string) => void) | undefined
  readonly #onWaiting: ((waiting: boolean) => void) | undefined
  #waiting = false
  /** The conversation id: the one the chat started with, then the last one the server named. */
  conversationId: string | undefined

  constructor(
    conversationId: string | undefined,
    onDelta: ((text: string) => void) | undefined,
    onWaiting?: (waiting: boolean) => void,
  ) {
    this.conversationId = conversationId
    this.#onDelta = onDelta
    this.#onWaiting = onWaiting
  }

  /** Waits for the reply to a message about to be sent; `send` sends it (a throw rejects the turn). */
  add(send: () => void): Promise<TextChatReply> {
    return new Promise<TextChatReply>((resolve, reject) => {
      this.#turns.push({ deltas: [], resolve, reject })
      try {
        send()
      } catch (error) {
        this.#turns.pop()
        reject(error)
        return
      }
      this.#update()
    })
  }

  /** Rejects every turn waiting (its socket is gone); a reply in flight then belongs to no one. */
  failAll(error: unknown): void {
    this.#answered = false
    for (const turn of this.#turns.splice(0)) turn.reject(error)
    this.#update()
  }

  /** Applies one server frame to the oldest turn; `token` (the chat's) is kept out of an error it raises. */
  apply(frame: TextChatServerFrame, token?: string): void {
    const id = (frame as { conversation_id?: unknown }).conversation_id
    if (typeof id === 'string' && id !== '') this.conversationId = id
    const text = (frame as { text?: unknown }).text
    switch (frame.type) {
      case 'token':
        if (typeof text !== 'string') break
        this.#turns[0]?.deltas.push(text)
        callUserCallback('onDelta', this.#onDelta, text)
        break
      case 'message':
        if (typeof text !== 'string' || (frame as { role?: unknown }).role === 'user') break
        this.#finish(text)
        this.#answered = true
        break
      case 'done':
        if (this.#answered) this.#answered = false
        else this.#finish()
        break
      case 'error':
        this.#turns.shift()?.reject(agentError(frame, token))
        this.#update()
        break
    }
  }

  #finish(text?: string): void {
    const turn = this.#turns.shift()
    if (!turn) return
    const { conversationId } = this
    turn.resolve({ text: text ?? turn.deltas.join(''), ...(conversationId ? { conversationId } : {}) })
    this.#update()
  }

  /** Tells `onWaiting` when the queue has gone from empty to not, or back. */
  #update(): void {
    const waiting = this.#turns.length > 0
    if (waiting === this.#waiting) return
    this.#waiting = waiting
    this.#onWaiting?.(waiting)
  }
}

/**
 * The error of an `error` frame. A server may echo the request into it: the token the chat
 * connected with is redacted from its message and body.
 */
function agentError(frame: TextChatServerFrame, token: string | undefined): AmigoError {
  const secrets = [token]
  const message = (frame as { message?: unknown }).message
  const text = typeof message === 'string' ? redactSecrets(message, secrets) : 'unknown'
  return new AmigoError(`The agent reported an error: ${text}`, {
    errorCode: 'agent_error',
    body: redactDeep(frame, secrets),
  })
}
