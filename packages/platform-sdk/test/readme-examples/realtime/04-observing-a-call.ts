// packages/realtime/README.md, ## Observing a call

declare const token: string
declare function appendTranscript(text: string): void
declare function showSummary(event: unknown): void

// ---- example ----
import { observeCall } from '@amigo-ai/realtime'

const observation = observeCall({
  workspaceId: 'ws-123',
  callSid: 'CA0123456789abcdef0123456789abcdef',
  token, // or getToken, called before every connect
  onEvent: (event) => {
    if (event.type === 'agent_transcript_delta') appendTranscript(event.delta)
    if (event.type === 'session_end') showSummary(event)
  },
  onError: (err) => console.error(err.reason, err.closeCode),
})
