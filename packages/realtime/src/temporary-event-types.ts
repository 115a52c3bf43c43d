// TEMPORARY hand-written stand-ins until src/generated/events.ts lands (generated from openapi.json).
// Only event-types.ts imports this file; delete it once the generated union exists.

/** A workspace event (temporary subset). */
export type WorkspaceEvent =
  | {
      event_type: 'call.started'
      call_sid: string
      caller_id?: string | null
      direction: string
      service_id: string
    }
  | {
      event_type: 'call.ended'
      call_sid: string
      completion_reason: string
      direction: string
      duration_seconds: number
    }
  | { event_type: 'pipeline.error'; data_source_id: string; error: string }

/** An observer event (temporary subset). */
export type ObserverEvent =
  | { type: 'agent_transcript_delta'; delta: string }
  | { type: 'agent_transcript'; transcript: string }
  | { type: 'session_end'; call_sid?: string | null; completion_reason?: string | null }

/** A turn stream event (temporary subset). */
export type TurnStreamEvent =
  | { event: 'token'; text: string }
  | { event: 'message'; role: string; text: string }
  | { event: 'done'; conversation_id: string; status: string; turn_count: number }
  | { event: 'error'; message: string; code?: string; retryable?: boolean; status_code?: number | null }
