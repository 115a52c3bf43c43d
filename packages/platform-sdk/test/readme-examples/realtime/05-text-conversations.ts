// packages/realtime/README.md, ## Text conversations

declare const token: string
declare function type(text: string): void

// ---- example ----
import { createTextChat, textStreamAuthProtocols, textStreamUrl } from '@amigo-ai/realtime'

// Plain browser WebSocket:
const socket = new WebSocket(
  textStreamUrl({ workspaceId: 'ws-123', serviceId: 'svc-1' }),
  textStreamAuthProtocols(token),
)

// Or the small client:
const chat = createTextChat({ workspaceId: 'ws-123', serviceId: 'svc-1', token, onDelta: (t) => type(t) })
const reply = await chat.send('Hello')
console.log(reply.text, chat.conversationId)
