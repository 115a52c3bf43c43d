import { randomBytes } from 'node:crypto'
import { signWebhookPayload } from '@amigo-ai/webhooks/sign'
import type { Store } from '../state/store'

/** A fresh webhook signing secret (`whsec_…`). */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64url')}`

/** Stores a destination of the sample workspace that receives signed deliveries at `url`. */
export function addWebhookDestination(
  store: Store,
  o: { url: string; eventTypes?: string[]; secret?: string; name?: string },
  retryAttempts: number,
): { id: string; secret: string } {
  const secret = o.secret ?? `whsec_${store.random.hex(32)}`
  const row = store.makeUnchecked('WebhookDestinationResponse', {
    id: store.id(),
    workspace_id: store.workspaceId,
    name: o.name ?? 'mock destination',
    url: o.url,
    accepted_event_types: o.eventTypes ?? [],
    is_active: true,
    retry_attempts: retryAttempts,
    trigger_id: store.id(),
    description: null,
    field_mapping: null,
    created_by: 'mock',
    created_at: store.now(),
    updated_at: store.now(),
  })
  store.webhookDestinations.put({ ...row, id: row.id, secret, target_url: o.url })
  return { id: row.id, secret }
}

/** A delivery as a destination would receive it (envelope body and signature headers), sent nowhere. */
export async function signedWebhook(o: { type: string; data: Record<string, unknown>; secret?: string }) {
  const secret = o.secret ?? newWebhookSecret()
  const now = Date.now()
  const body = JSON.stringify({
    id: `evt_${now}`,
    type: o.type,
    timestamp: new Date(now).toISOString(),
    data: o.data,
  })
  const signed = await signWebhookPayload({ payload: body, secret })
  return { body, headers: { 'content-type': 'application/json', ...signed.headers }, secret }
}
