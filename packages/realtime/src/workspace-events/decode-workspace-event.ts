import type { WorkspaceEvent } from '../event-types'
import type { ServerSentEvent } from '../sse/read-server-sent-events'

/**
 * Turns an SSE message into a workspace event: the server strips `event_type` from the JSON and
 * sends it in the `event:` line, so it is put back here. Returns undefined for frames that are not a
 * JSON object or carry no type at all; event types newer than this package are still delivered.
 */
export function decodeWorkspaceEvent(message: ServerSentEvent): WorkspaceEvent | undefined {
  const record = parseObject(message.data)
  const type = message.event ?? (typeof record?.event_type === 'string' ? record.event_type : undefined)
  if (record === undefined || type === undefined) return undefined
  // The parsed object is ours alone, so it is completed in place rather than copied.
  record.event_type = type
  return record as unknown as WorkspaceEvent
}

/** `data` parsed as JSON when it is a JSON object; undefined for anything else. */
export function parseObject(data: string): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(data)
    if (typeof body === 'object' && body !== null && !Array.isArray(body))
      return body as Record<string, unknown>
  } catch {
    // Not JSON: undefined, as for any other non-object.
  }
  return undefined
}
