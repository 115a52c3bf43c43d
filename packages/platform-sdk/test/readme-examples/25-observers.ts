import type { AmigoClient } from '@amigo-ai/platform-sdk'

declare const client: AmigoClient
declare const bearerToken: string
declare function renderAgentDelta(delta: string): void
declare function showSummary(event: unknown): void
// ---- example ----
const observerHandle = client.observers.subscribe({
  callSid: 'CAxxx',
  token: bearerToken,
  onEvent: (event) => {
    switch (event.type) {
      case 'agent_transcript_delta':
        renderAgentDelta(event.delta)
        break
      case 'session_end':
        showSummary(event)
        break
    }
  },
  onError: (err) => console.error('observer terminal:', err.reason, err.closeCode),
})
