import type { ParsedWebhookEvent } from '@amigo-ai/webhooks'

/** What the handler did, newest last (the example tests read it). */
export const handled: string[] = []

// Deliveries are retried and a captured one could be replayed inside the timestamp window,
// so act on each event id once. A real app keeps this in its database.
const seen = new Set<string>()

/** Your business logic: `switch (event.type)` narrows `event.data` to that event's fields. */
export async function handleEvent(event: ParsedWebhookEvent): Promise<void> {
  if (seen.has(event.id)) return
  seen.add(event.id)
  switch (event.type) {
    case 'call.ended':
      handled.push(`call ${event.data.call_sid} ended after ${event.data.duration_seconds}s`)
      break
    case 'surface.submitted':
      handled.push(`surface ${event.data.surface_id} submitted`)
      break
    default:
      // Types this SDK version does not know still arrive here, with `data: unknown`.
      handled.push(`ignored ${event.type}`)
  }
}
