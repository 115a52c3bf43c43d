import type { RequestOptions, WithResponseMeta } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationQuery, OperationResult } from './operation-types'

/** Query of `analytics.getDashboard`. */
export type AnalyticsDashboardParams = OperationQuery<'get-analytics-dashboard'>
/** Result of `analytics.getDashboard` (KPIs with period-over-period deltas). */
export type AnalyticsDashboard = OperationResult<'get-analytics-dashboard'>
/** Query of `analytics.getCalls`. */
export type CallStatsParams = OperationQuery<'call_stats_v1__workspace_id__analytics_calls_get'>
/** Result of `analytics.getCalls`. */
export type CallStats = OperationResult<'call_stats_v1__workspace_id__analytics_calls_get'>
/** Query of `analytics.getAgents`. */
export type AgentAnalyticsParams = OperationQuery<'get-agent-analytics'>
/** Result of `analytics.getAgents`. */
export type AgentAnalytics = OperationResult<'get-agent-analytics'>
/** Query of `analytics.compareCallPeriods` (the four period bounds are required). */
export type CallComparisonParams = OperationQuery<'get-call-comparison'>
/** Result of `analytics.compareCallPeriods`. */
export type CallComparison = OperationResult<'get-call-comparison'>

/** Analytics: dashboards, call statistics and per-agent performance. */
export class AnalyticsResource extends APIResource {
  /** Dashboard KPIs with deltas against the previous period. */
  getDashboard(
    params?: AnalyticsDashboardParams,
    options?: RequestOptions,
  ): Promise<WithResponseMeta<AnalyticsDashboard>> {
    return this._request('get', '/v1/{workspace_id}/analytics/dashboard', { query: params }, options)
  }

  /** Call volume and duration statistics. */
  getCalls(params?: CallStatsParams, options?: RequestOptions): Promise<WithResponseMeta<CallStats>> {
    return this._request('get', '/v1/{workspace_id}/analytics/calls', { query: params }, options)
  }

  /** Per-agent performance. */
  getAgents(
    params?: AgentAnalyticsParams,
    options?: RequestOptions,
  ): Promise<WithResponseMeta<AgentAnalytics>> {
    return this._request('get', '/v1/{workspace_id}/analytics/agents', { query: params }, options)
  }

  /** Compares call statistics of two periods. */
  compareCallPeriods(
    params: CallComparisonParams,
    options?: RequestOptions,
  ): Promise<WithResponseMeta<CallComparison>> {
    return this._request('get', '/v1/{workspace_id}/analytics/calls/comparison', { query: params }, options)
  }
}
