// Names the generated event unions (src/generated/events.ts, from openapi.json) for this package.
import type { ObserverSSEEvent, WorkspaceSSEEvent } from './generated/events'

export type * from './generated/events'

/** Any event of the workspace SSE stream, discriminated by `event_type` (same as `WorkspaceSSEEvent`). */
export type WorkspaceEvent = WorkspaceSSEEvent

/** Any event of the per-call observer WebSocket, discriminated by `type` (same as `ObserverSSEEvent`). */
export type ObserverEvent = ObserverSSEEvent
