import { signWebhookPayload } from '@amigo-ai/webhooks/sign'
import type { WorkspaceEvent } from '../events/event-hub'
import type { Store, WebhookDestinationRow } from '../state/store'

/** One delivery attempt series, as recorded in `mock.webhookDeliveries`. */
export interface WebhookDeliveryLog {
  destinationId: string
  eventId: string
  eventType: string
  url: string
  /** Exact body that was signed and sent. */
  body: string
  /** Status of each attempt (0 = network error). */
  attempts: number[]
  delivered: boolean
}

/** How long one delivery attempt may take before it counts as a network error. */
const ATTEMPT_TIMEOUT_MS = 5_000

const matches = (accepted: string[] | undefined, type: string) =>
  !accepted?.length ||
  accepted.some((a) => a === type || a === '*' || (a.endsWith('.*') && type.startsWith(a.slice(0, -1))))

/**
 * Delivers workspace events to registered destinations as signed POSTs (scheme of @amigo-ai/webhooks),
 * retrying failed attempts with a short exponential backoff.
 */
export class WebhookDispatcher {
  readonly log: WebhookDeliveryLog[] = []
  private readonly pending = new Set<Promise<void>>()
  // The backoff waits in progress, ended early by close(): no retry outlives the mock.
  private readonly waits = new Set<() => void>()
  // The attempts in flight, aborted by close(): a receiver that never answers does not hold it up.
  private readonly attempts = new Set<AbortController>()
  private closed = false

  constructor(
    private readonly store: Store,
    private readonly opts: { maxAttempts: number; baseDelayMs: number },
  ) {}

  /** Sends `event` to every active destination of its workspace that accepts its type. */
  dispatch(event: WorkspaceEvent): void {
    if (this.closed) return
    for (const dest of this.store.webhookDestinations.list()) {
      if (!dest.is_active || !dest.target_url || dest.workspace_id !== event.workspaceId) continue
      if (!matches(dest.accepted_event_types, event.type)) continue
      const p = this.deliver(dest, event).finally(() => this.pending.delete(p))
      this.pending.add(p)
    }
  }

  /** Resolves when every delivery in flight has finished (delivered or given up). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending])
  }

  /** Stops new deliveries and retries, aborts the attempts in flight and waits for them to end. */
  async close(): Promise<void> {
    this.closed = true
    for (const end of [...this.waits]) end()
    for (const attempt of [...this.attempts]) attempt.abort()
    await this.idle()
  }

  /** Waits `ms` before a retry, or until close() (at once when already closed). */
  private backoff(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve()
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer)
        this.waits.delete(end)
        resolve()
      }
      const timer = setTimeout(end, ms)
      this.waits.add(end)
    })
  }

  private async deliver(dest: WebhookDestinationRow, event: WorkspaceEvent): Promise<void> {
    const eventId = `evt_${event.id}`
    const body = JSON.stringify({
      id: eventId,
      type: event.type,
      timestamp: new Date(event.time).toISOString(),
      data: event.data,
    })
    const entry: WebhookDeliveryLog = {
      destinationId: dest.id,
      eventId,
      eventType: event.type,
      url: dest.target_url!,
      body,
      attempts: [],
      delivered: false,
    }
    this.log.push(entry)
    const max = Math.max(1, Math.min(dest.retry_attempts ?? this.opts.maxAttempts, this.opts.maxAttempts))
    for (let attempt = 0; attempt < max; attempt++) {
      if (attempt > 0) await this.backoff(this.opts.baseDelayMs * 2 ** (attempt - 1))
      if (this.closed && attempt > 0) break
      const status = await this.attempt(entry.url, body, dest.secret)
      entry.attempts.push(status)
      if (status >= 200 && status < 300) {
        entry.delivered = true
        break
      }
    }
    const records = this.store.webhookDeliveries.get(dest.id) ?? []
    records.unshift({
      event_id: this.store.id(),
      event_type: event.type,
      data: { ...event.data, delivered: entry.delivered, attempts: entry.attempts.length },
      effective_at: new Date(event.time).toISOString(),
      created_at: new Date().toISOString(),
    })
    this.store.webhookDeliveries.set(dest.id, records)
  }

  /** One signed POST of `body`; its status, or 0 on a network error, a timeout or close(). */
  private async attempt(url: string, body: string, secret: string): Promise<number> {
    // Sign every attempt afresh so the timestamp stays inside the receiver's tolerance.
    const signed = await signWebhookPayload({ payload: body, secret })
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS)
    timer.unref()
    this.attempts.add(controller)
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'amigo-platform-mock',
          ...signed.headers,
        },
        body,
        signal: controller.signal,
      })
      await res.arrayBuffer().catch(() => undefined)
      return res.status
    } catch {
      return 0
    } finally {
      clearTimeout(timer)
      this.attempts.delete(controller)
    }
  }
}
