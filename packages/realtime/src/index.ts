export type * from './event-types'
export type { CallObservation, ObserveCallOptions } from './observer/observe-call'
export { observeCall } from './observer/observe-call'
export type {
  ReadServerSentEventsOptions,
  ServerSentEvent,
  ServerSentEventSource,
} from './sse/read-server-sent-events'
export { DEFAULT_MAX_FRAME_BYTES, readServerSentEvents } from './sse/read-server-sent-events'
export { SseFrameTooLargeError } from './sse/sse-frame-too-large-error'
export type { TextChat, TextChatOptions } from './text-chat/create-text-chat'
export { createTextChat } from './text-chat/create-text-chat'
export type {
  TextChatDoneFrame,
  TextChatErrorFrame,
  TextChatMessageFrame,
  TextChatOtherFrame,
  TextChatServerFrame,
  TextChatTokenFrame,
  TextChatUserFrame,
} from './text-chat/text-chat-frames'
export type { TextChatReply } from './text-chat/text-chat-turns'
export { readTurnStreamEvents } from './turn-stream/read-turn-stream-events'
export * from './urls'
export { VERSION } from './version'
export type { CloseAction, ReconnectReason } from './websocket/close-codes'
export { CloseCode, classifyClose } from './websocket/close-codes'
export type {
  ReconnectingWebSocketHandle,
  ReconnectingWebSocketOptions,
  ReconnectingWebSocketState,
  WebSocketReconnectInfo,
} from './websocket/create-reconnecting-websocket'
export { createReconnectingWebSocket } from './websocket/create-reconnecting-websocket'
export type { ManagedSocketOptions, SocketTokenOptions } from './websocket/managed-socket-options'
export type {
  ReconnectingWebSocketErrorInit,
  ReconnectingWebSocketErrorReason,
} from './websocket/reconnecting-websocket-error'
export {
  isReconnectingWebSocketError,
  ReconnectingWebSocketError,
} from './websocket/reconnecting-websocket-error'
export type { WebSocketConstructor, WebSocketFactory, WebSocketLike } from './websocket/websocket-types'
export type {
  SubscribeToWorkspaceEventsOptions,
  SubscriptionHandle,
  WorkspaceEventSubscription,
} from './workspace-events/subscribe-to-workspace-events'
export { subscribeToWorkspaceEvents } from './workspace-events/subscribe-to-workspace-events'
export type {
  WorkspaceEventStreamErrorCode,
  WorkspaceEventStreamErrorFrame,
  WorkspaceEventStreamErrorInit,
} from './workspace-events/workspace-event-stream-error'
export {
  isWorkspaceEventStreamError,
  WorkspaceEventStreamError,
} from './workspace-events/workspace-event-stream-error'
export type { WorkspaceEventIterator } from './workspace-events/workspace-events-iterator'
export { workspaceEvents } from './workspace-events/workspace-events-iterator'
export type {
  ReconnectInfo,
  StreamOpenInfo,
  WorkspaceEventMeta,
  WorkspaceEventStreamOptions,
} from './workspace-events/workspace-events-options'
