// packages/realtime/README.md, ## Managed WebSocket

declare const myTokens: { current(): Promise<string>; refresh(): Promise<void> }
declare function handle(data: string | ArrayBuffer): void
declare function showBanner(visible: boolean): void

// ---- example ----
import { createReconnectingWebSocket } from '@amigo-ai/realtime'

const socket = createReconnectingWebSocket({
  url: 'wss://example.test/socket',
  getProtocols: async () => ['auth', await myTokens.current()], // or a fixed `protocols: ['auth', token]`
  onTokenExpired: () => myTokens.refresh(),
  onMessage: (event) => handle(event.data), // a string, or an ArrayBuffer for binary frames
  onStateChange: (state) => showBanner(state === 'reconnecting'),
  onReconnect: ({ attempt, delayMs, closeCode, reason }) => console.warn(attempt, delayMs, closeCode, reason),
  onError: (err) => console.error(err.reason, err.closeCode, err.closeReason, err.attempts),
})
socket.send('hello') // throws ReconnectingWebSocketError `not_open` unless socket.state === 'open'
socket.close()
await socket.done // never rejects
