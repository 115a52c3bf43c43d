// packages/platform-sdk/README.md, ## Realtime

import {
  type AmigoClient,
  createReconnectingWebSocket,
  sessionConnectAuthProtocols,
  textStreamAuthProtocols,
} from '@amigo-ai/platform-sdk'

declare const amigo: AmigoClient
declare const key: string
declare const serviceId: string
declare const entityId: string
declare function render(text: string): void

// ---- example ----
// One voice call, live: transcripts, latency, participants (the client's key unless you pass `token`).
const observation = amigo.observers.subscribe({
  callSid: 'CA0123456789abcdef0123456789abcdef',
  onEvent: (event) => event.type === 'agent_transcript_delta' && render(event.delta),
  onError: (err) => console.error(err.reason, err.closeCode), // a ReconnectingWebSocketError
})

// Text conversations over a WebSocket you manage yourself...
const socket = new WebSocket(amigo.conversations.textStreamUrl({ serviceId }), textStreamAuthProtocols(key))
// ...or through the reconnecting socket (idle watchdog, backoff, close-code taxonomy).
const managed = createReconnectingWebSocket({
  url: amigo.conversations.sessionConnectUrl({ serviceId, entityId }),
  protocols: sessionConnectAuthProtocols(key),
  onMessage: (event) => console.log(event.data),
  onStateChange: (state) => console.log(state),
})
