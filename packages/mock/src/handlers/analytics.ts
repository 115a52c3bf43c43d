import type { MockCore, Registry } from '../http/types'
import { bucketByTime, callsBetween, deltaPct, recentCalls, summarize } from '../state/analytics'
import type { Store } from '../state/store'
import { DAY } from '../state/time'

/** Analytics computed from the stored calls of the workspace. */
export function registerAnalytics(reg: Registry, core: MockCore): void {
  registerPeriodAnalytics(reg, core)
  registerAnalyticsBreakdowns(reg, core)
}

/** The calls analytics count: those of the workspace asked about. */
const callsOf = (store: Store, workspaceId: string) => store.calls.list((c) => c.workspace_id === workspaceId)

/** Call volume over the last N days, and the dashboard KPIs against the N days before. */
function registerPeriodAnalytics(reg: Registry, core: MockCore): void {
  const { store } = core
  reg.on('GET', '/v1/{workspace_id}/analytics/calls', (ctx) => {
    const days = ctx.query.days ?? 30
    const now = Date.now()
    const calls = recentCalls(callsOf(store, ctx.path.workspace_id), days, now)
    const s = summarize(calls)
    return {
      body: {
        workspace_id: ctx.path.workspace_id,
        period_start: new Date(now - days * DAY).toISOString().slice(0, 10),
        period_end: new Date(now).toISOString().slice(0, 10),
        total_calls: s.total_calls,
        total_duration_seconds: s.total_duration_seconds,
        avg_duration_seconds: s.avg_duration_seconds,
        calls_by_date: bucketByTime(calls, ctx.query.interval ?? '1d'),
      },
    }
  })
  reg.on('GET', '/v1/{workspace_id}/analytics/dashboard', (ctx) => {
    const days = ctx.query.days ?? 7
    const now = Date.now()
    const all = callsOf(store, ctx.path.workspace_id)
    const cur = summarize(callsBetween(all, now - days * DAY, now + 1))
    const prev = summarize(callsBetween(all, now - 2 * days * DAY, now - days * DAY))
    const kpi = (c: number | null, p: number | null) => ({
      value: c,
      previous_value: p,
      delta_pct: deltaPct(c, p),
    })
    return {
      body: {
        call_volume: kpi(cur.total_calls, prev.total_calls),
        avg_quality: kpi(cur.avg_quality_score, prev.avg_quality_score),
        avg_duration_seconds: kpi(cur.avg_duration_seconds, prev.avg_duration_seconds),
        escalation_rate: kpi(cur.escalation_rate, prev.escalation_rate),
        resolution_rate: kpi(cur.resolution_rate, prev.resolution_rate),
        period_days: days,
      },
    }
  })
}

/** Calls per agent, and two date ranges side by side. */
function registerAnalyticsBreakdowns(reg: Registry, core: MockCore): void {
  const { store } = core
  reg.on('GET', '/v1/{workspace_id}/analytics/agents', (ctx) => {
    const period = typeof ctx.query.period === 'string' ? /^(\d+)d$/.exec(ctx.query.period) : null
    const days = period ? Number(period[1]) : (ctx.query.days ?? 30)
    const calls = recentCalls(callsOf(store, ctx.path.workspace_id), days)
    const agents = store.agents
      .list((a) => a.workspace_id === ctx.path.workspace_id)
      .map((a) => {
        const services = new Set(store.services.list((s) => s.agent_id === a.id).map((s) => s.id))
        const s = summarize(calls.filter((c) => services.has(c.service_id)))
        return {
          agent_id: a.id,
          agent_name: a.name,
          total_calls: s.total_calls,
          completed_calls: s.completed_calls,
          completion_rate: s.resolution_rate,
          avg_duration_seconds: s.avg_duration_seconds,
        }
      })
    return { body: { agents, period: ctx.query.period ?? `${days}d` } }
  })
  reg.on('GET', '/v1/{workspace_id}/analytics/calls/comparison', (ctx) => {
    const all = callsOf(store, ctx.path.workspace_id).filter(
      (c) => !ctx.query.service_id || c.service_id === ctx.query.service_id,
    )
    const range = (from: string, to: string) => callsBetween(all, Date.parse(from), Date.parse(to) + DAY)
    const pick = (s: ReturnType<typeof summarize>) => ({
      total_calls: s.total_calls,
      avg_duration_seconds: s.avg_duration_seconds,
      avg_quality_score: s.avg_quality_score,
      escalation_rate: s.escalation_rate,
    })
    const cur = pick(summarize(range(ctx.query.current_from, ctx.query.current_to)))
    const prev = pick(summarize(range(ctx.query.previous_from, ctx.query.previous_to)))
    return {
      body: {
        current: { from: ctx.query.current_from, to: ctx.query.current_to, ...cur },
        previous: { from: ctx.query.previous_from, to: ctx.query.previous_to, ...prev },
        delta_pct: {
          total_calls: deltaPct(cur.total_calls, prev.total_calls),
          avg_duration_seconds: deltaPct(cur.avg_duration_seconds, prev.avg_duration_seconds),
          avg_quality_score: deltaPct(cur.avg_quality_score, prev.avg_quality_score),
        },
      },
    }
  })
}
