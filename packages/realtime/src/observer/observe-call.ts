import { ConfigurationError, type OptionNames, unknownOptionProblem } from '@amigo-ai/core'
import { callUserCallback } from '../callbacks/call-user-callback'
import { assertSubprotocolToken, observerAuthProtocols } from '../endpoints/auth-protocols'
import type { ObserverEvent } from '../event-types'
import {
  createReconnectingWebSocket,
  type ReconnectingWebSocketHandle,
  type ReconnectingWebSocketState,
} from '../websocket/create-reconnecting-websocket'
import { decodeTypedFrame } from '../websocket/decode-typed-frame'
import {
  MANAGED_SOCKET_KEYS,
  type ManagedSocketOptions,
  managedSocketOptions,
  type SocketTokenOptions,
} from '../websocket/managed-socket-options'
import { checkFunctions } from '../websocket/validate-websocket-options'
import { type ObserverUrlOptions, observerUrl } from './observer-url'

/** Options for {@link observeCall}. */
export interface ObserveCallOptions extends ObserverUrlOptions, SocketTokenOptions, ManagedSocketOptions {
  /** Every observer event of the call, dispatched on `event.type`. */
  onEvent: (event: ObserverEvent) => void
  /** Each time the socket (re)opens. */
  onOpen?: () => void
  /** Each change of the socket's state. */
  onStateChange?: (state: ReconnectingWebSocketState) => void
  /** On a 4100 close: refresh the token (then `getToken` is called again). */
  onTokenExpired?: () => unknown
  /** Reconnect when the call is silent this long (default 60000 ms; 0 disables). */
  idleTimeoutMs?: number
}

// Its own names; the managed socket's are added where the options are checked (a spread here
// would keep this object, and the socket's, in bundles that never call observeCall).
const OWN_OPTION_NAMES: OptionNames<Omit<ObserveCallOptions, keyof ManagedSocketOptions>> = {
  workspaceId: true,
  callSid: true,
  url: true,
  agentBaseUrl: true,
  baseUrl: true,
  token: true,
  getToken: true,
  onEvent: true,
  onOpen: true,
  onStateChange: true,
  onTokenExpired: true,
  idleTimeoutMs: true,
}

/** Handle of a call observation: the managed socket (`close()` ends observing, `done` resolves after). */
export interface CallObservation extends ReconnectingWebSocketHandle {}

/**
 * Streams the live events of one voice call (transcripts, latency, emotions, participants, session
 * start and end) over the observer WebSocket. Invalid SID, URL or token → `ConfigurationError`, thrown
 * before connecting.
 */
export function observeCall(options: ObserveCallOptions): CallObservation {
  if (typeof options !== 'object' || options === null)
    throw new ConfigurationError('observeCall options are required')
  // Ignored, a misspelt `baseUrl` would send the token to the default agent host.
  const unknown = unknownOptionProblem(options, { ...MANAGED_SOCKET_KEYS, ...OWN_OPTION_NAMES })
  if (unknown) throw new ConfigurationError(`observeCall: ${unknown}`)
  if (typeof options.onEvent !== 'function') throw new ConfigurationError('onEvent must be a function')
  // Wrapped below, so createReconnectingWebSocket would not see one that is not a function.
  checkFunctions(options, ['onOpen'])
  const url = observerUrl(options)
  if (options.getToken === undefined) assertSubprotocolToken(options.token, 'token')
  else if (typeof options.getToken !== 'function') throw new ConfigurationError('getToken must be a function')
  const { getToken } = options

  const socket = createReconnectingWebSocket({
    url,
    // A static token cannot be refreshed, so only a getter makes a 4100 close worth a reconnect.
    ...(getToken
      ? { getProtocols: async () => observerAuthProtocols(await getToken()) }
      : { protocols: observerAuthProtocols(options.token as string) }),
    ...managedSocketOptions(options),
    idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
    onTokenExpired: options.onTokenExpired,
    onOpen: options.onOpen && (() => options.onOpen?.()),
    onStateChange: options.onStateChange,
    onMessage: (message) => {
      const event = decodeTypedFrame(message.data) as ObserverEvent | undefined
      if (event) callUserCallback('onEvent', options.onEvent, event)
    },
  })
  return {
    send: (data) => socket.send(data),
    close: (code = 1000, reason = 'observer closed') => socket.close(code, reason),
    get state() {
      return socket.state
    },
    done: socket.done,
  }
}
