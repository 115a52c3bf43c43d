// packages/realtime/README.md, ## Workspace events (SSE)

declare const myTokens: { current(): Promise<string> }
declare function showCall(callSid: string): void
declare function saveCursor(id: string): void
declare function askToCloseATab(): void

// ---- example ----
import { isWorkspaceEventStreamError, subscribeToWorkspaceEvents } from '@amigo-ai/realtime'

const subscription = subscribeToWorkspaceEvents({
  workspaceId: 'ws-123',
  getToken: () => myTokens.current(), // your own token source, called before every connect
  onEvent: (event, { id }) => {
    if (event.event_type === 'call.started') showCall(event.call_sid)
    if (id) saveCursor(id) // optional: pass it back later as lastEventId (events may come without one)
  },
  onReconnect: (attempt, { delayMs }) => console.warn(`reconnect #${attempt} in ${delayMs} ms`),
  onError: (err) => {
    if (isWorkspaceEventStreamError(err) && err.code === 'too_many_streams') askToCloseATab()
  },
})

// later
subscription.unsubscribe()
await subscription.done // never rejects
