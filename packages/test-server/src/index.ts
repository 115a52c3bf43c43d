export {
  delayed,
  failTimes,
  halfOpen,
  malformedJson,
  rateLimited,
  resetConnection,
  sequence,
  truncatedBody,
} from './faults'
export {
  type DevicePollAnswer,
  type IdentityCall,
  type IdentityServer,
  type IdentityServerOptions,
  startIdentityServer,
} from './identity'
export { type Served, serveFetch, serveNode } from './node-listener'
export { json, sendJson, text } from './respond'
export { startTestServer, type TestServer } from './server'
export { type SilentServer, startSilentServer } from './silent-server'
export { type SseFrame, type SseWriter, sse } from './sse'
export { type SseReplayOptions, type SseReplayStats, sseReplay } from './sse-replay'
export { startTsxScript, type TsxProcess } from './tsx-script'
export type { Handler, RecordedRequest, Routes, TestRequest } from './types'
export { waitFor } from './wait-for'
export {
  openWsClient,
  startWsServer,
  type TestWsServer,
  type WsConnection,
  type WsServerOptions,
} from './ws-server'
