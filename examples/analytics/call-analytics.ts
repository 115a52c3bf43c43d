// Analytics: dashboard KPIs, call volume over time, per-agent performance, and two periods compared.
import { AmigoClient } from '@amigo-ai/platform-sdk'
import { type ExampleEnv, runExample } from '../_shared/connect'

/** `YYYY-MM-DD` of the day `daysAgo` days before today (UTC). */
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10)

export async function main(env: ExampleEnv) {
  const client = new AmigoClient(env)

  const dashboard = await client.analytics.getDashboard({ days: 7 })
  console.log(
    `last 7 days: ${dashboard.call_volume.value} calls (${signed(dashboard.call_volume.delta_pct)}), ` +
      `average quality ${dashboard.avg_quality.value}`,
  )

  const calls = await client.analytics.getCalls({ days: 30, interval: '1d' })
  console.log(
    `last 30 days: ${calls.total_calls} calls, ${Math.round(calls.avg_duration_seconds ?? 0)}s on average, ` +
      `${calls.calls_by_date.length} daily buckets`,
  )

  const { agents } = await client.analytics.getAgents({ period: '7d' })
  for (const agent of agents.slice(0, 3))
    console.log(`  agent ${agent.agent_name}: ${agent.total_calls} calls`)

  // Two adjacent 14-day windows: this fortnight against the one before it.
  const comparison = await client.analytics.compareCallPeriods({
    current_from: day(14),
    current_to: day(0),
    previous_from: day(28),
    previous_to: day(15),
  })
  // The API documents this answer only as a JSON object, so read the totals defensively.
  const totals = (period: unknown) => (period as { total_calls?: number } | undefined)?.total_calls ?? '?'
  console.log(
    `this fortnight ${totals(comparison.current)} calls, the one before ${totals(comparison.previous)}`,
  )

  return { totalCalls: calls.total_calls, dashboardCalls: dashboard.call_volume.value, agents: agents.length }
}

/** `+12.5%` / `-3%` / `n/a` for a percentage delta that may be missing. */
function signed(pct: number | null | undefined): string {
  if (pct === null || pct === undefined) return 'no previous data'
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}% vs previous period`
}

await runExample(import.meta.url, main)
