import { AmigoError, ConfigurationError } from '@amigo-ai/core'
import { callUserCallback } from '../callbacks/call-user-callback'
import { textStreamAuthProtocols } from '../endpoints/auth-protocols'
import { type TextStreamUrlOptions, textStreamUrl } from '../endpoints/text-stream-url'
import {
  createReconnectingWebSocket,
  type ReconnectingWebSocketState,
  type WebSocketReconnectInfo,
} from '../websocket/create-reconnecting-websocket'
import { decodeTypedFrame } from '../websocket/decode-typed-frame'
import { ReconnectingWebSocketError } from '../websocket/reconnecting-websocket-error'
import type { WebSocketConstructor, WebSocketFactory } from '../websocket/websocket-types'
import type { TextChatServerFrame } from './text-chat-frames'

/** Options for {@link createTextChat}. */
export interface TextChatOptions extends Omit<TextStreamUrlOptions, 'token'> {
  /** Bearer token, sent as the subprotocol pair `auth, <token>`. Give this or `getToken`. */
  token?: string
  /** Returns the token; called before every connect. */
  getToken?: () => string | Promise<string>
  /** Each piece of the agent's reply as it streams in. */
  onDelta?: (text: string) => void
  /** Every decoded server frame (including tool and thinking frames). */
  onEvent?: (frame: TextChatServerFrame) => void
  /** Terminal connection failure (at most once). */
  onError?: (error: ReconnectingWebSocketError) => void
  /** Before each reconnect (a reply in flight has then failed). */
  onReconnect?: (info: WebSocketReconnectInfo) => void
  /** Reconnect after this much silence (default 0: a chat may legitimately be quiet). */
  idleTimeoutMs?: number
  maxReconnects?: number
  initialDelayMs?: number
  maxDelayMs?: number
  /** Creates each socket (test doubles); give this or `WebSocket`. */
  webSocketFactory?: WebSocketFactory
  /** WebSocket class (default: global, else `ws`). */
  WebSocket?: WebSocketConstructor
  signal?: AbortSignal
}

/** The agent's reply to one user message. */
export interface TextChatReply {
  /** The final text (the `message` frame, else the joined deltas). */
  text: string
  /** The conversation id, once the server has named it. */
  conversationId?: string
}

/** A text conversation over the text-stream socket. */
export interface TextChat {
  /** Sends a user message (waiting for the socket to open) and resolves with the agent's reply. */
  send(text: string): Promise<TextChatReply>
  /** Ends the conversation socket (idempotent). */
  close(): void
  /** The conversation id, once known (also used to resume after a reconnect). */
  readonly conversationId: string | undefined
  readonly state: ReconnectingWebSocketState
  /** Resolves when the chat socket is closed for good; never rejects. */
  readonly done: Promise<void>
}

const closedError = () => new ReconnectingWebSocketError('The chat is closed', { reason: 'not_open' })

interface PendingTurn {
  deltas: string[]
  resolve(reply: TextChatReply): void
  reject(error: unknown): void
}

/**
 * A small text-chat client: one socket to `/agent/text-stream`, one turn at a time (sends are
 * queued). Frame shapes are documented in text-chat-frames.ts and are assumptions about an
 * unpublished protocol.
 */
export function createTextChat(options: TextChatOptions): TextChat {
  if (typeof options !== 'object' || options === null)
    throw new ConfigurationError('createTextChat options are required')
  if (options.getToken === undefined) textStreamAuthProtocols(options.token as string)
  else if (typeof options.getToken !== 'function') throw new ConfigurationError('getToken must be a function')
  let conversationId = options.conversationId
  const buildUrl = () => textStreamUrl({ ...options, token: undefined, conversationId })
  buildUrl() // validates now, before connecting
  const protocols = async () =>
    textStreamAuthProtocols((options.getToken ? await options.getToken() : options.token) as string)

  const turns: PendingTurn[] = []
  let opened: Promise<void>
  let markOpen: () => void = () => {}
  const resetOpened = () => {
    opened = new Promise<void>((resolve) => {
      markOpen = resolve
    })
  }
  resetOpened()
  let ended: ReconnectingWebSocketError | undefined

  const failTurns = (error: unknown) => {
    for (const turn of turns.splice(0)) turn.reject(error)
  }
  // A turn ends with `message` and then `done`; the `done` after a `message` belongs to the turn that
  // was already resolved, not to the next one queued behind it.
  let answered = false
  const finishTurn = (text?: string) => {
    const turn = turns.shift()
    if (!turn) return
    turn.resolve({ text: text ?? turn.deltas.join(''), ...(conversationId ? { conversationId } : {}) })
  }
  const onFrame = (frame: TextChatServerFrame) => {
    const id = (frame as { conversation_id?: unknown }).conversation_id
    if (typeof id === 'string' && id !== '') conversationId = id
    const text = (frame as { text?: unknown }).text
    switch (frame.type) {
      case 'token':
        if (typeof text === 'string') {
          turns[0]?.deltas.push(text)
          callUserCallback('onDelta', options.onDelta, text)
        }
        break
      case 'message': {
        const role = (frame as { role?: unknown }).role
        if (typeof text === 'string' && role !== 'user') {
          finishTurn(text)
          answered = true
        }
        break
      }
      case 'done':
        if (answered) answered = false
        else finishTurn()
        break
      case 'error': {
        const message = (frame as { message?: unknown }).message
        turns
          .shift()
          ?.reject(
            new AmigoError(
              `The agent reported an error: ${typeof message === 'string' ? message : 'unknown'}`,
              { errorCode: 'agent_error', body: frame },
            ),
          )
        break
      }
    }
  }

  const socket = createReconnectingWebSocket({
    url: buildUrl,
    getProtocols: protocols,
    webSocketFactory: options.webSocketFactory,
    WebSocket: options.WebSocket,
    idleTimeoutMs: options.idleTimeoutMs ?? 0,
    maxReconnects: options.maxReconnects,
    initialDelayMs: options.initialDelayMs,
    maxDelayMs: options.maxDelayMs,
    signal: options.signal,
    onOpen: () => markOpen(),
    onReconnect: (info) => {
      resetOpened()
      answered = false
      // A reply in flight is lost with its socket; the caller decides whether to resend.
      failTurns(
        new ReconnectingWebSocketError('The connection dropped before the reply arrived', {
          reason: 'unknown',
          attempts: info.attempt,
        }),
      )
      callUserCallback('onReconnect', options.onReconnect, info)
    },
    onError: (error) => {
      ended = error
      failTurns(error)
      callUserCallback('onError', options.onError, error)
    },
    onMessage: (message) => {
      const frame = decodeTypedFrame(message.data) as TextChatServerFrame | undefined
      if (!frame) return
      callUserCallback('onEvent', options.onEvent, frame)
      onFrame(frame)
    },
  })
  const done = socket.done.then(() => {
    failTurns(ended ?? closedError())
  })

  return {
    async send(text: string) {
      if (typeof text !== 'string' || text === '')
        throw new ConfigurationError('text must be a non-empty string')
      if (ended || socket.state === 'closed' || socket.state === 'closing') throw ended ?? closedError()
      await Promise.race([opened, done])
      return new Promise<TextChatReply>((resolve, reject) => {
        turns.push({ deltas: [], resolve, reject })
        try {
          socket.send(JSON.stringify({ type: 'message', text }))
        } catch (error) {
          turns.pop()
          reject(error)
        }
      })
    },
    close: () => socket.close(1000, 'chat closed'),
    get conversationId() {
      return conversationId
    },
    get state() {
      return socket.state
    },
    done,
  }
}
