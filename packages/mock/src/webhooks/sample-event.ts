import { randomBytes, randomUUID } from 'node:crypto'
import { specContext } from '../spec/context'
import type { OpenApiDocument } from '../spec/types'

/** A webhook envelope as a destination receives it: `{ id, type, timestamp, data }`. */
export interface WebhookEventSample {
  id: string
  type: string
  timestamp: string
  data: Record<string, unknown>
}

/** Options of `sampleWebhookEvent`. */
export interface SampleWebhookEventOptions {
  /** Another OpenAPI document or path (default: the one the mock serves). */
  spec?: string | OpenApiDocument
  /** The event's time in ms since the epoch (default: now). */
  now?: number
}

// The catalogue of event types: the spec's workspace event union, keyed by its `event_type` tag.
function catalogue(spec?: string | OpenApiDocument): Record<string, string> {
  const doc = specContext(spec).doc
  const union = doc.components?.schemas?.WorkspaceSSEEvent as
    | { discriminator?: { mapping?: Record<string, string> } }
    | undefined
  return union?.discriminator?.mapping ?? {}
}

/** Every event type the spec documents (the types a webhook destination can receive), sorted. */
export function webhookEventTypes(spec?: string | OpenApiDocument): string[] {
  return Object.keys(catalogue(spec)).sort()
}

/**
 * A realistic delivery of `type`: the event's schema sampled the way the mock samples responses,
 * with the sampler's bare `"string"` placeholders replaced by values that look like the field
 * (a call SID, an email address, a timestamp). Throws an Error listing the known types for others.
 */
export function sampleWebhookEvent(
  type: string,
  options: SampleWebhookEventOptions = {},
): WebhookEventSample {
  const ref = catalogue(options.spec)[type]
  if (!ref) {
    throw new Error(
      `platform-mock: unknown webhook event type "${type}"; known types: ${webhookEventTypes(options.spec).join(', ')}`,
    )
  }
  const ctx = specContext(options.spec)
  const schema = { $ref: ref }
  const now = options.now ?? Date.now()
  const sampled = ctx.sampler.sample(schema) as Record<string, unknown>
  const lifelike = fillPlaceholders(sampled, new Date(now).toISOString())
  // A replacement that breaks the schema (a pattern we did not foresee) loses to the plain sample.
  const data = ctx.check(schema, lifelike).length === 0 ? lifelike : sampled
  delete data.event_type
  return { id: `evt_${now}`, type, timestamp: new Date(now).toISOString(), data }
}

function fillPlaceholders(value: Record<string, unknown>, isoNow: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    if (v === 'string') out[key] = lifelikeString(key.toLowerCase(), isoNow)
    else if (v && typeof v === 'object' && !Array.isArray(v))
      out[key] = fillPlaceholders(v as Record<string, unknown>, isoNow)
    else if (v === 0 && key.includes('duration')) out[key] = 187
    else out[key] = v
  }
  return out
}

function lifelikeString(key: string, isoNow: string): string {
  if (key === 'sid' || key.endsWith('_sid')) return `CA${randomBytes(16).toString('hex')}`
  if (key.includes('email') && !key.endsWith('_id')) return 'jane.doe@example.com'
  if (key.endsWith('_address')) return 'jane.doe@example.com'
  if (key === 'id' || key.endsWith('_id')) return randomUUID()
  if (key.endsWith('_at') || key.includes('time') || key.includes('date')) return isoNow
  if (key.includes('url') || key.includes('uri')) return 'https://example.com/amigo'
  if (key.includes('phone') || key === 'caller_id') return '+15551234567'
  if (key === 'name') return 'Sample'
  if (key.endsWith('_name')) return `Sample ${key.slice(0, -'_name'.length).replace(/_/g, ' ')}`
  return `sample ${key.replace(/_/g, ' ')}`
}
