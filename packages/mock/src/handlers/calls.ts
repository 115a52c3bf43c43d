import { inWorkspace } from '../http/in-workspace'
import { paginate } from '../http/paging'
import type { MockCore, Registry } from '../http/types'
import { quantile, recentCalls, summarize } from '../state/analytics'

type Row = Record<string, any>

/** A stable UUID for a call, derived from its sid. */
function callUuid(sid: string): string {
  const h = (sid.replace(/[^0-9a-f]/gi, '').toLowerCase() + '0'.repeat(32)).slice(0, 32).split('')
  h[12] = '4'
  h[16] = '8'
  const s = h.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

/** Calls (read-only) of the workspace: list, detail with transcript and intelligence, benchmarks. */
export function registerCalls(reg: Registry, core: MockCore): void {
  registerCallList(reg, core)
  registerCallDetail(reg, core)
}

/** The filtered list of calls, newest first, and their quality benchmarks. */
function registerCallList(reg: Registry, core: MockCore): void {
  const { store } = core
  const byNewest = (a: Row, b: Row) => String(b.started_at).localeCompare(String(a.started_at))
  reg.on('GET', '/v1/{workspace_id}/calls', (ctx) => {
    const q = ctx.query
    const from = q.date_from ? Date.parse(q.date_from) : -Infinity
    const to = q.date_to ? Date.parse(q.date_to) + 86_400_000 : Infinity
    const rows = store.calls
      .list(
        (c) =>
          c.workspace_id === ctx.path.workspace_id &&
          (!q.direction || c.direction === q.direction) &&
          (!q.service_id || c.service_id === q.service_id) &&
          (!q.status || c.status === q.status) &&
          (q.min_duration == null || (c.duration_seconds ?? 0) >= q.min_duration) &&
          (q.max_duration == null || (c.duration_seconds ?? 0) <= q.max_duration) &&
          Date.parse(c.started_at) >= from &&
          Date.parse(c.started_at) < to,
      )
      .sort(byNewest)
    return { body: paginate(ctx, rows) }
  })
  reg.on('GET', '/v1/{workspace_id}/calls/benchmarks', (ctx) => {
    const calls = store.calls.list((c) => c.workspace_id === ctx.path.workspace_id)
    const s = summarize(recentCalls(calls, ctx.query.days ?? 30))
    const dist: Record<string, number> = { poor: 0, fair: 0, good: 0, excellent: 0 }
    for (const q of s.quality) dist[q < 0.6 ? 'poor' : q < 0.75 ? 'fair' : q < 0.9 ? 'good' : 'excellent']!++
    return {
      body: {
        total_calls: s.total_calls,
        avg_duration_seconds: s.total_calls ? s.avg_duration_seconds : null,
        avg_quality_score: s.avg_quality_score,
        escalation_rate: s.escalation_rate,
        p25_quality_score: quantile(s.quality, 0.25),
        p50_quality_score: quantile(s.quality, 0.5),
        p75_quality_score: quantile(s.quality, 0.75),
        quality_distribution: dist,
      },
    }
  })
}

/** One call, by sid or by the UUID derived from it, with its transcript and intelligence. */
function registerCallDetail(reg: Registry, core: MockCore): void {
  const { store } = core
  const findCall = (id: string, workspaceId: string) => {
    const sid = store.calls.get(id) ? id : store.calls.list((c) => callUuid(c.call_sid) === id)[0]?.call_sid
    return inWorkspace(store.calls, sid ?? id, workspaceId, 'Call')
  }
  reg.on('GET', '/v1/{workspace_id}/calls/{call_id}', (ctx) => {
    const call = findCall(ctx.path.call_id, ctx.path.workspace_id)
    const script = store.callScripts.get(call.call_sid) ?? {
      userLine: 'Hello.',
      agentLine: 'Hello, how can I help?',
    }
    const start = Date.parse(call.started_at)
    const duration = Number(call.duration_seconds ?? 0)
    const summary = `Caller asked: "${script.userLine}" The agent answered and the call ended as ${call.completion_reason ?? 'in progress'}.`
    return {
      body: store.makeUnchecked('CallDetailResponse', {
        id: callUuid(call.call_sid),
        call_sid: call.call_sid,
        workspace_id: ctx.path.workspace_id,
        service_id: call.service_id,
        caller_id: call.caller_id,
        phone_number: call.phone_number,
        direction: call.direction,
        status: call.status,
        completion_reason: call.completion_reason,
        final_state: call.final_state,
        quality_score: call.quality_score,
        has_recording: call.has_recording ?? false,
        call_duration_seconds: duration,
        call_start_time: call.started_at,
        call_end_time: new Date(start + duration * 1000).toISOString(),
        states_visited: ['greeting', 'identify_patient', call.final_state ?? 'schedule'],
        turns: [],
        transcript: [
          { role: 'agent', text: 'Thank you for calling Acme Health. How can I help?', offset_seconds: 0 },
          { role: 'caller', text: script.userLine, offset_seconds: 4 },
          { role: 'agent', text: script.agentLine, offset_seconds: 9 },
        ],
        intelligence: { summary, quality_score: call.quality_score, key_moments: [] },
        conversation_summary: { summary },
      }),
    }
  })
}
