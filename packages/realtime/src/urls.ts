// `@amigo-ai/realtime/urls`: the URL and subprotocol builders alone (no connection code, no
// eventsource-parser), for callers that only build endpoints synchronously, such as
// `@amigo-ai/platform-sdk`'s `conversations.textStreamUrl`.
export type { AgentOriginOptions } from './endpoints/agent-origin'
export type { ObserverAuthProtocols, TextStreamAuthProtocols } from './endpoints/auth-protocols'
export {
  observerAuthProtocols,
  sessionConnectAuthProtocols,
  textStreamAuthProtocols,
} from './endpoints/auth-protocols'
export type { SessionConnectUrlOptions } from './endpoints/session-connect-url'
export { sessionConnectUrl } from './endpoints/session-connect-url'
export type { TextStreamUrlOptions } from './endpoints/text-stream-url'
export { textStreamUrl } from './endpoints/text-stream-url'
export type { ObserverUrlOptions } from './observer/observer-url'
export { observerUrl } from './observer/observer-url'
