import { ConfigurationError, type OptionNames, redactDeep, unknownOptionProblem } from '@amigo-ai/core'
import { callUserCallback } from '../callbacks/call-user-callback'
import { authProtocols } from '../endpoints/auth-protocols'
import { type TextStreamUrlOptions, textStreamUrl } from '../endpoints/text-stream-url'
import {
  type ReconnectingWebSocketHandle,
  type ReconnectingWebSocketState,
  startReconnectingWebSocket,
} from '../websocket/create-reconnecting-websocket'
import { decodeTypedFrame } from '../websocket/decode-typed-frame'
import {
  MANAGED_SOCKET_KEYS,
  type ManagedSocketOptions,
  managedSocketOptions,
  type SocketTokenOptions,
} from '../websocket/managed-socket-options'
import {
  isReconnectingWebSocketError,
  ReconnectingWebSocketError,
} from '../websocket/reconnecting-websocket-error'
import { checkDurations, checkFunctions } from '../websocket/validate-websocket-options'
import type { TextChatServerFrame } from './text-chat-frames'
import { type TextChatReply, TextChatTurns } from './text-chat-turns'

/** Options for {@link createTextChat}. A reconnect fails the reply in flight. */
export interface TextChatOptions
  extends Omit<TextStreamUrlOptions, 'token'>,
    SocketTokenOptions,
    ManagedSocketOptions {
  /** Each piece of the agent's reply as it streams in. */
  onDelta?: (text: string) => void
  /** Every decoded server frame (including tool and thinking frames). */
  onEvent?: (frame: TextChatServerFrame) => void
  /** Reconnect after this much silence (default 0: a chat may legitimately be quiet). */
  idleTimeoutMs?: number
  /**
   * While a message waits for its reply, reconnect after this much silence from the server (no frame
   * of any kind), failing the waiting messages as dropped (default 60000 ms; 0 disables). Not armed
   * between turns; every frame re-arms it.
   */
  replyTimeoutMs?: number
}

/** A text conversation over the text-stream socket. */
export interface TextChat {
  /** Sends a user message (waiting for the socket to open) and resolves with the agent's reply. */
  send(text: string): Promise<TextChatReply>
  /** Ends the conversation socket (idempotent). */
  close(): void
  /** The conversation id, once known (also used to resume after a reconnect). */
  readonly conversationId: string | undefined
  /** Current lifecycle state of the chat socket. */
  readonly state: ReconnectingWebSocketState
  /** Resolves when the chat socket is closed for good; never rejects. */
  readonly done: Promise<void>
}

const closedError = () => new ReconnectingWebSocketError('The chat is closed', { reason: 'not_open' })

// Its own names; the managed socket's are added where the options are checked (a spread here
// would keep this object, and the socket's, in bundles that never call createTextChat).
const OWN_OPTION_NAMES: OptionNames<Omit<TextChatOptions, keyof ManagedSocketOptions>> = {
  workspaceId: true,
  serviceId: true,
  conversationId: true,
  entityId: true,
  toolEvents: true,
  url: true,
  agentBaseUrl: true,
  baseUrl: true,
  token: true,
  getToken: true,
  onDelta: true,
  onEvent: true,
  idleTimeoutMs: true,
  replyTimeoutMs: true,
}

/** Refuses options `createTextChat` cannot start from, naming the field. */
function checkOptions(options: TextChatOptions): void {
  if (typeof options !== 'object' || options === null)
    throw new ConfigurationError('createTextChat options are required')
  // Ignored, a misspelt `baseUrl` would send the token to the default agent host.
  const unknown = unknownOptionProblem(options, { ...MANAGED_SOCKET_KEYS, ...OWN_OPTION_NAMES })
  if (unknown) throw new ConfigurationError(`createTextChat: ${unknown}`)
  if (options.getToken === undefined) authProtocols(options.token as string, 'token')
  else if (typeof options.getToken !== 'function') throw new ConfigurationError('getToken must be a function')
  // The socket's own options are checked by createReconnectingWebSocket; these callbacks are wrapped.
  checkFunctions(options, ['onDelta', 'onEvent', 'onError', 'onReconnect'])
  checkDurations(options, ['replyTimeoutMs'])
}

/**
 * The silence a connection may keep while a reply is awaited: `replyTimeoutMs`, or the idle timeout
 * when that is set and shorter (0: none).
 */
function replySilenceMs(idleTimeoutMs: number, replyTimeoutMs: number): number {
  if (replyTimeoutMs === 0) return idleTimeoutMs
  return idleTimeoutMs === 0 ? replyTimeoutMs : Math.min(idleTimeoutMs, replyTimeoutMs)
}

/**
 * A promise that resolves once the socket is open, made anew for each reconnect after an open. A
 * reconnect before any open keeps the pending one: sends already waiting on it must see the next open.
 */
function openGate() {
  const gate = { opened: Promise.resolve(), open: () => {}, reset, isOpen: () => isOpen }
  let isOpen = true
  function reset() {
    if (!isOpen) return
    isOpen = false
    gate.opened = new Promise<void>((resolve) => {
      gate.open = () => {
        isOpen = true
        resolve()
      }
    })
  }
  reset()
  return gate
}

/**
 * Sends `frame` as a new turn and returns its reply, or undefined when the socket refuses it as not
 * open although the chat's gate is open: the server's close frame is in but its close event is not
 * yet (or a 4100 refresh is under way). That turn is dropped; the caller waits for what comes next.
 */
function sendTurn(
  turns: TextChatTurns,
  socket: { send(data: string): void },
  frame: string,
): Promise<TextChatReply> | undefined {
  let goingAway = false
  const reply = turns.add(() => {
    try {
      socket.send(frame)
    } catch (error) {
      goingAway = isReconnectingWebSocketError(error) && error.reason === 'not_open'
      throw error
    }
  })
  if (!goingAway) return reply
  reply.catch(() => {})
  return undefined
}

/** What sending a message needs of a chat. */
interface ChatParts {
  turns: TextChatTurns
  socket: ReconnectingWebSocketHandle
  gate: ReturnType<typeof openGate>
  /** Resolves when the chat has ended. */
  done: Promise<void>
  /** The terminal error, once there is one. */
  ended(): ReconnectingWebSocketError | undefined
}

/**
 * Sends `text` once the socket is open and returns the reply. Rejects with the chat's terminal error
 * (or "closed") when it ends first, never with a bare "not open".
 */
async function sendMessage(chat: ChatParts, text: string): Promise<TextChatReply> {
  if (typeof text !== 'string' || text === '') throw new ConfigurationError('text must be a non-empty string')
  const { socket, gate } = chat
  const over = () => chat.ended() || socket.state === 'closed' || socket.state === 'closing'
  const frame = JSON.stringify({ type: 'message', text })
  for (;;) {
    if (over()) throw chat.ended() ?? closedError()
    // Only while connecting: each race leaves a reaction on `done` until the chat ends, so racing on
    // every send would grow the chat's memory with every message of a long conversation.
    if (!gate.isOpen()) {
      await Promise.race([gate.opened, chat.done])
      if (over()) throw chat.ended() ?? closedError()
    }
    const reply = sendTurn(chat.turns, socket, frame)
    if (reply) return reply
    // The socket is going away: wait for the next open, or for the end and its reason.
    gate.reset()
  }
}

/** What a turn gets whose reply was lost with its socket (the caller decides whether to resend). */
const droppedReply = (attempts: number) =>
  new ReconnectingWebSocketError('The connection dropped before the reply arrived', {
    reason: 'unknown',
    attempts,
  })

/**
 * The socket's credentials: a getter's fresh token on every connect (told to `onToken`), or the
 * fixed token's subprotocols. A fixed token cannot be refreshed, so only a getter makes a 4100
 * close (token expired) worth a reconnect: with a fixed one the chat ends at once with token_expired.
 */
function chatAuth(options: TextChatOptions, onToken: (token: string) => void) {
  const { getToken, token } = options
  if (!getToken) return { protocols: authProtocols(token as string, 'token') }
  return {
    getProtocols: async () => {
      const current = (await getToken()) as string
      onToken(current)
      return authProtocols(current, 'token')
    },
  }
}

/**
 * A small text-chat client: one socket to `/agent/text-stream`, one turn at a time (sends are
 * queued). Frame shapes are documented in text-chat-frames.ts and are assumptions about an
 * unpublished protocol.
 */
export function createTextChat(options: TextChatOptions): TextChat {
  checkOptions(options)
  const idleTimeoutMs = options.idleTimeoutMs ?? 0
  const waitingMs = replySilenceMs(idleTimeoutMs, options.replyTimeoutMs ?? 60_000)
  // A server that stops answering while a reply is awaited holds `send` for ever unless its silence
  // ends the connection; between turns a chat may be quiet for as long as the idle timeout allows.
  const onWaiting =
    waitingMs === idleTimeoutMs
      ? undefined
      : (waiting: boolean) => socket.watchSilence(waiting ? waitingMs : idleTimeoutMs)
  const turns = new TextChatTurns(options.conversationId, options.onDelta, onWaiting)
  const buildUrl = () => textStreamUrl({ ...options, token: undefined, conversationId: turns.conversationId })
  buildUrl() // validates now, before connecting
  const gate = openGate()
  let ended: ReconnectingWebSocketError | undefined
  // The token of the current connection, kept out of the errors the server's frames become.
  let token = options.token

  const socket = startReconnectingWebSocket({
    ...managedSocketOptions(options),
    url: buildUrl,
    ...chatAuth(options, (current) => {
      token = current
    }),
    idleTimeoutMs,
    onOpen: () => gate.open(),
    onReconnect: (info) => {
      gate.reset()
      turns.failAll(droppedReply(info.attempt))
      callUserCallback('onReconnect', options.onReconnect, info)
    },
    onError: (error) => {
      ended = error
      turns.failAll(error)
      callUserCallback('onError', options.onError, error)
    },
    onMessage: (message) => {
      const frame = decodeTypedFrame(message.data) as TextChatServerFrame | undefined
      if (!frame) return
      // An error frame may echo the request, token included: onEvent gets it as the error does.
      const shown = frame.type === 'error' ? (redactDeep(frame, [token]) as TextChatServerFrame) : frame
      callUserCallback('onEvent', options.onEvent, shown)
      turns.apply(frame, token)
    },
  })
  const done = socket.done.then(() => turns.failAll(ended ?? closedError()))

  return {
    send: (text: string) => sendMessage({ turns, socket, gate, done, ended: () => ended }, text),
    close: () => socket.close(1000, 'chat closed'),
    get conversationId() {
      return turns.conversationId
    },
    get state() {
      return socket.state
    },
    done,
  }
}
