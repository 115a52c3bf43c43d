import { DAY } from './time'

type Row = Record<string, any>

/** Calls started in [from, to). */
export function callsBetween(calls: Row[], from: number, to: number): Row[] {
  return calls.filter((c) => {
    const t = Date.parse(c.started_at ?? '')
    return Number.isFinite(t) && t >= from && t < to
  })
}

/** Calls of the last `days` days (ending now). */
export function recentCalls(calls: Row[], days: number, now = Date.now()): Row[] {
  return callsBetween(calls, now - days * DAY, now + 1)
}

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d

/** Aggregates the numbers the analytics routes report. */
export function summarize(calls: Row[]) {
  const durations = calls.map((c) => Number(c.duration_seconds ?? 0))
  const quality = calls.map((c) => c.quality_score).filter((q): q is number => typeof q === 'number')
  const escalated = calls.filter((c) => c.completion_reason === 'escalated').length
  const completed = calls.filter((c) => c.completion_reason === 'completed').length
  return {
    total_calls: calls.length,
    total_duration_seconds: durations.reduce((a, b) => a + b, 0),
    avg_duration_seconds: round(avg(durations)),
    avg_quality_score: quality.length ? round(avg(quality)) : null,
    escalation_rate: calls.length ? round(escalated / calls.length, 4) : 0,
    resolution_rate: calls.length ? round(completed / calls.length, 4) : 0,
    completed_calls: completed,
    quality,
  }
}

/** Buckets calls by hour, day or ISO week start. */
export function bucketByTime(calls: Row[], interval: '1h' | '1d' | '1w') {
  const buckets = new Map<string, Row[]>()
  for (const c of calls) {
    const d = new Date(c.started_at)
    let key: string
    if (interval === '1h') key = `${d.toISOString().slice(0, 13)}:00:00Z`
    else if (interval === '1w') {
      const monday = new Date(
        Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)),
      )
      key = monday.toISOString().slice(0, 10)
    } else key = d.toISOString().slice(0, 10)
    buckets.set(key, [...(buckets.get(key) ?? []), c])
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, cs]) => ({
      date,
      count: cs.length,
      avg_duration_seconds: summarize(cs).avg_duration_seconds,
    }))
}

/** Percent change from `previous` to `current` (null when there is no baseline). */
export function deltaPct(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null
  return round(((current - previous) / previous) * 100, 1)
}

/** Value at quantile q of a list of numbers. */
export function quantile(xs: number[], q: number): number | null {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!
}
