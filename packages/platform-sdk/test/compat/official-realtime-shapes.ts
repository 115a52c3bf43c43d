// Compile-time contract, checked by the workspace typecheck (never run): realtime code written the way
// the single-package SDK 0.46 documents and types it compiles against this package unchanged. Each
// function is one program; the explicit annotations are the official types, so a narrower or renamed
// type here fails the typecheck.
import {
  type AmigoClient,
  createReconnectingWebSocket,
  isWorkspaceEventStreamError,
  type ObserverAuthProtocols,
  type ObserverSSEEvent,
  type ObserverSubscribeOptions,
  ObserversResource,
  observerAuthProtocols,
  ReconnectingWebSocketError,
  type ReconnectingWebSocketErrorReason,
  type ReconnectingWebSocketHandle,
  type ReconnectingWebSocketOptions,
  type ReconnectingWebSocketState,
  type SubscribeToWorkspaceOptions,
  type SubscriptionHandle,
  sessionConnectAuthProtocols,
  type TextStreamAuthProtocols,
  type TextStreamUrlParams,
  textStreamAuthProtocols,
  type WebSocketFactory,
  WorkspaceEventStreamError,
  type WorkspaceSSEEvent,
} from '@amigo-ai/platform-sdk'

type OfficialReconnectInfo = { attempt: number; delayMs: number; closeCode: number | undefined }

/** A managed socket with every official option, typed by the official names. */
export function managedSocket(signal: AbortSignal): ReconnectingWebSocketHandle {
  const factory: WebSocketFactory = (url, protocols) => new WebSocket(url, protocols)
  const options: ReconnectingWebSocketOptions = {
    url: 'wss://example.test/ws',
    protocols: ['auth', 'token'],
    initialDelayMs: 1_000,
    maxDelayMs: 30_000,
    maxReconnects: Number.POSITIVE_INFINITY,
    idleTimeoutMs: 45_000,
    signal,
    webSocketFactory: factory,
    onStateChange: (state: ReconnectingWebSocketState) => console.log('state', state),
    onMessage: (event: MessageEvent) => JSON.parse(event.data as string),
    onReconnect: (info: OfficialReconnectInfo) => console.log(info.attempt, info.delayMs, info.closeCode),
    onError: (error: ReconnectingWebSocketError) => {
      const reason: ReconnectingWebSocketErrorReason = error.reason
      const code: number | undefined = error.closeCode
      const text: string | undefined = error.closeReason
      const attempts: number = error.attempts
      console.error(reason, code, text, attempts)
    },
  }
  const handle = createReconnectingWebSocket(options)
  handle.send(JSON.stringify({ type: 'user_text', text: 'hi' }))
  handle.send(new Uint8Array([1, 2]))
  const state: ReconnectingWebSocketState = handle.state
  const done: Promise<void> = handle.done
  void done.then(() => console.log(state))
  handle.close(1000, 'bye')
  return handle
}

/** Official code that inspects, builds and extends the socket error. */
export class AppSocketError extends ReconnectingWebSocketError {
  constructor(reason: ReconnectingWebSocketErrorReason) {
    super('app socket failed', reason, undefined, undefined, 0)
  }
}
export function describeReason(reason: ReconnectingWebSocketErrorReason): string {
  switch (reason) {
    case 'auth':
    case 'client_error':
      return 'refused'
    case 'rate_limited':
    case 'server_error':
    case 'reconnect_budget_exhausted':
    case 'idle_watchdog':
    case 'open_failed':
    case 'aborted':
    case 'unknown':
      return 'gone'
    default:
      return 'other'
  }
}
export const positional = new ReconnectingWebSocketError('closed', 'auth', 4403, 'forbidden', 1)

/** The workspace event stream, the official way. */
export function workspaceEvents(client: AmigoClient, signal: AbortSignal): SubscriptionHandle {
  const seen: WorkspaceSSEEvent[] = []
  const options: SubscribeToWorkspaceOptions = {
    lastEventId: '1700000000001',
    signal,
    onEvent: (event: WorkspaceSSEEvent) => {
      if (event.event_type === 'call.started') console.log(event.call_sid)
    },
    onError: (error: Error) => {
      if (isWorkspaceEventStreamError(error) && error.code === 'too_many_streams') console.warn(error.frame)
    },
    onReconnect: (attempt: number) => console.warn(`reconnect #${attempt}`),
    initialDelayMs: 3_000,
    maxDelayMs: 30_000,
    maxReconnects: 10,
  }
  const handle: SubscriptionHandle = client.events.subscribeToWorkspace(options)
  // A callback that returns something (here the new length) is still an event handler.
  const second = client.events.subscribeToWorkspace({ onEvent: (event) => seen.push(event) })
  second.unsubscribe()
  const done: Promise<void> = handle.done
  void done
  return handle
}
export const streamError = new WorkspaceEventStreamError('cap reached', 'too_many_streams', false, {
  max_streams: 50,
})
export interface TrackedSubscription extends SubscriptionHandle {
  startedAt: number
}

/** Call observation, through the client and through a resource built the official way. */
export function observe(client: AmigoClient, token: string): ReconnectingWebSocketHandle[] {
  const options: ObserverSubscribeOptions = {
    callSid: 'CA0123456789abcdef0123456789abcdef',
    token,
    observerUrl: 'wss://gateway.example.test/observers/CA0123456789abcdef0123456789abcdef',
    signal: new AbortController().signal,
    onEvent: (event: ObserverSSEEvent) => {
      if (event.type === 'agent_transcript_delta') console.log(event.delta)
    },
    onStateChange: (state: ReconnectingWebSocketState) => console.log(state),
    onReconnect: (info: OfficialReconnectInfo) => console.log(info),
    onError: (error: ReconnectingWebSocketError) => console.error(error.reason, error.closeCode),
    idleTimeoutMs: 60_000,
    initialDelayMs: 1_000,
    maxDelayMs: 30_000,
    maxReconnects: 10,
    webSocketFactory: (url, protocols) => new WebSocket(url, protocols),
  }
  const standalone = new ObserversResource({}, 'ws-uuid', 'https://api.example.com')
  return [client.observers.subscribe(options), standalone.subscribe(options)]
}

/** WebSocket URL and subprotocol helpers. */
export function socketUrls(client: AmigoClient, apiKey: string): WebSocket {
  const observer: ObserverAuthProtocols = observerAuthProtocols(apiKey)
  const session: TextStreamAuthProtocols = sessionConnectAuthProtocols(apiKey)
  const text: TextStreamAuthProtocols = textStreamAuthProtocols(apiKey)
  const params: TextStreamUrlParams = {
    serviceId: 'svc-1',
    conversationId: '00000000-0000-4000-8000-000000000001',
    entityId: 'ent-1',
    toolEvents: true,
    token: apiKey,
    textStreamUrl: 'wss://preview-123.platform.example.com/agent/text-stream',
  }
  const url: string = client.conversations.textStreamUrl(params)
  console.log(observer, session)
  return new WebSocket(url, [...text])
}
export interface PreviewTextStreamParams extends TextStreamUrlParams {
  previewId: string
}
