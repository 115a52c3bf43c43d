import { sse } from './sse'
import type { Handler } from './types'

/** Options for {@link sseReplay}. */
export interface SseReplayOptions {
  /** Number of events in the log (ids `idOf(0)` … `idOf(total - 1)`). */
  total: number
  /** Drop the connection after this many events on one connection (0: never). */
  dropEvery?: number
  /** How a drop looks: a socket destroyed mid-frame, a clean end of the response, or alternating. */
  dropStyle?: 'destroy' | 'end' | 'alternate'
  /** `retry:` value sent first on every connection. */
  retry?: number
  /** Event id for index `i` (default: `String(1_700_000_000_000 + i)`, epoch-millisecond style). */
  idOf?: (i: number) => string
  /** SSE event name for index `i` (default `call.started`). */
  eventOf?: (i: number) => string
  /** JSON payload for index `i` (default `{ call_sid, seq }`, without `event_type`, as the platform sends). */
  dataOf?: (i: number) => unknown
  /** Replay from this many events before the requested Last-Event-ID (simulates an overlapping replay). */
  overlap?: number
  /** Keep the response open (idle) once every event was sent, instead of ending it. */
  holdOpenAtEnd?: boolean
}

/** What an {@link sseReplay} server observed. */
export interface SseReplayStats {
  /** `Last-Event-ID` of every connection, in order (undefined when absent). */
  lastEventIds: (string | undefined)[]
  /** `Authorization` header of every connection. */
  authorizations: (string | undefined)[]
  /** Events written per connection. */
  sentPerConnection: number[]
}

/**
 * An SSE endpoint backed by a fixed event log that honours `Last-Event-ID` (resumes after it) and
 * drops every connection after `dropEvery` events — the fault pattern for exactly-once tests.
 */
export function sseReplay(options: SseReplayOptions): { handler: Handler; stats: SseReplayStats } {
  const idOf = options.idOf ?? ((i: number) => String(1_700_000_000_000 + i))
  const eventOf = options.eventOf ?? (() => 'call.started')
  const dataOf =
    options.dataOf ??
    ((i: number) => ({
      call_sid: `CA${String(i).padStart(32, '0')}`,
      direction: 'inbound',
      service_id: 's',
      seq: i,
    }))
  const index = new Map<string, number>()
  for (let i = 0; i < options.total; i++) index.set(idOf(i), i)
  const stats: SseReplayStats = { lastEventIds: [], authorizations: [], sentPerConnection: [] }

  const handler: Handler = (req, res) => {
    const header = req.headers['last-event-id']
    const lastId = Array.isArray(header) ? header[0] : header
    stats.lastEventIds.push(lastId)
    const auth = req.headers.authorization
    stats.authorizations.push(Array.isArray(auth) ? auth[0] : auth)
    const connection = stats.sentPerConnection.length
    stats.sentPerConnection.push(0)
    const after = lastId === undefined ? -1 : (index.get(lastId) ?? -1)
    let next = Math.max(0, after + 1 - (options.overlap ?? 0))
    const writer = sse(res)
    if (options.retry !== undefined) writer.raw(`retry: ${options.retry}\n\n`)
    const style = options.dropStyle ?? 'alternate'
    const destroy = style === 'destroy' || (style === 'alternate' && connection % 2 === 0)
    let sent = 0
    // Write in batches so the client sees several events per chunk, like a busy stream.
    const pump = () => {
      let batch = ''
      while (next < options.total) {
        const i = next++
        const data = JSON.stringify(dataOf(i))
        batch += `id: ${idOf(i)}\nevent: ${eventOf(i)}\ndata: ${data}\n\n`
        sent++
        stats.sentPerConnection[connection] = sent
        if (options.dropEvery && sent >= options.dropEvery && next < options.total) {
          if (destroy) {
            // Half a frame of the next event, then a reset: the partial frame must never be delivered.
            writer.raw(`${batch}id: ${idOf(next)}\nevent: ${eventOf(next)}\ndata: {"trunc`)
            setTimeout(() => writer.destroy(), 1)
          } else {
            writer.raw(batch)
            writer.end()
          }
          return
        }
        if (batch.length > 16_384) break
      }
      writer.raw(batch)
      if (next < options.total) setImmediate(pump)
      else if (!options.holdOpenAtEnd) writer.end()
    }
    pump()
  }
  return { handler, stats }
}
