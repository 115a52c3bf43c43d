// Canned payloads the loopback servers send: small, fixed, and built once so the servers spend as
// little CPU per request as possible (the client side is what is measured).

/** Workspace id used by every loopback request. */
export const WORKSPACE_ID = '00000000-0000-4000-8000-000000000001'

/** Bearer token sent by every client. */
export const TOKEN = 'bench-token'

/** One agent as the list endpoint returns it. */
const agent = (i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  workspace_id: WORKSPACE_ID,
  name: `Agent ${i}`,
  description: 'Answers the front desk line',
  latest_version: 3,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-02T00:00:00Z',
})

/** The JSON text of the 20 agents of a full page (the API's maximum page size). */
export const PAGE_ITEMS_JSON = JSON.stringify(Array.from({ length: 20 }, (_, i) => agent(i)))

/** A workspace event body as the SSE stream carries it (event_type travels in the `event:` line). */
export const EVENT_DATA_JSON = JSON.stringify({
  call_sid: 'CA00000000000000000000000000000001',
  workspace_id: WORKSPACE_ID,
  timestamp: '2026-01-01T00:00:00Z',
  direction: 'inbound',
})

/** A WebSocket frame as an observer socket would carry it. */
export const WS_FRAME = JSON.stringify({ type: 'agent_transcript_delta', delta: 'Hello, how can I help?' })
