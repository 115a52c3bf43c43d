// packages/platform-sdk/README.md, ## Streams

import type { AmigoClient } from '@amigo-ai/platform-sdk'

declare const amigo: AmigoClient
declare const conversationId: string

// ---- example ----
// A conversation turn, token by token.
for await (const event of amigo.conversations.streamTurn(conversationId, { message: 'Hi!' })) {
  if (event.event === 'token') process.stdout.write(event.text)
}

// Workspace events over SSE, with reconnect and resume handled for you.
const subscription = amigo.events.subscribeToWorkspace({
  onEvent: (event) => console.log(event.event_type),
  onError: (error) => console.error('stream ended', error),
})
subscription.unsubscribe()
