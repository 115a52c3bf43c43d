import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { AnalyticsSurfacesResource } from './analytics-surfaces'
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
  /** Surface (form) analytics. */
  get surfaces(): AnalyticsSurfacesResource {
    return this._sub(AnalyticsSurfacesResource)
  }

  /** Dashboard KPIs with deltas against the previous period. */
  getDashboard(
    params?: AnalyticsDashboardParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<AnalyticsDashboard>> {
    return this._op('get', 'analytics/dashboard', { query: params }, options)
  }

  /** Call volume and duration statistics. */
  getCalls(params?: CallStatsParams, options?: RequestOptions): Promise<WithResponseMetadata<CallStats>> {
    return this._op('get', 'analytics/calls', { query: params }, options)
  }

  /** Per-agent performance. */
  getAgents(
    params?: AgentAnalyticsParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<AgentAnalytics>> {
    return this._op('get', 'analytics/agents', { query: params }, options)
  }

  /** Compares call statistics of two periods. */
  compareCallPeriods(
    params: CallComparisonParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<CallComparison>> {
    return this._op('get', 'analytics/calls/comparison', { query: params }, options)
  }

  /** Call quality scores over time (`GET /analytics/call-quality`). */
  getCallQuality(
    params?: OperationQuery<'get-call-quality-analytics'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-call-quality-analytics'>>> {
    return this._op('get', 'analytics/call-quality', { query: params }, options)
  }

  /** Caller emotion trends over time (`GET /analytics/emotion-trends`). */
  getEmotionTrends(
    params?: OperationQuery<'get-emotion-trends'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-emotion-trends'>>> {
    return this._op('get', 'analytics/emotion-trends', { query: params }, options)
  }

  /** Response latency statistics (`GET /analytics/latency`). */
  getLatency(
    params?: OperationQuery<'get-latency-analytics'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-latency-analytics'>>> {
    return this._op('get', 'analytics/latency', { query: params }, options)
  }

  /** Tool call success rates and durations (`GET /analytics/tool-performance`). */
  getToolPerformance(
    params?: OperationQuery<'get-tool-performance'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-tool-performance'>>> {
    return this._op('get', 'analytics/tool-performance', { query: params }, options)
  }

  /** Data quality statistics of the workspace (`GET /analytics/data-quality`). */
  getDataQuality(
    params?: OperationQuery<'data_quality_analytics_v1__workspace_id__analytics_data_quality_get'>,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<
      OperationResult<'data_quality_analytics_v1__workspace_id__analytics_data_quality_get'>
    >
  > {
    return this._op('get', 'analytics/data-quality', { query: params }, options)
  }

  /** Usage summary (calls, minutes, messages) (`GET /analytics/usage`). */
  getUsage(
    params?: OperationQuery<'usage_summary_v1__workspace_id__analytics_usage_get'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'usage_summary_v1__workspace_id__analytics_usage_get'>>> {
    return this._op('get', 'analytics/usage', { query: params }, options)
  }

  /** Counts of workspace events by type (`GET /analytics/events`). */
  getEventBreakdown(
    params?: OperationQuery<'event_breakdown_v1__workspace_id__analytics_events_get'>,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<OperationResult<'event_breakdown_v1__workspace_id__analytics_events_get'>>
  > {
    return this._op('get', 'analytics/events', { query: params }, options)
  }

  /** Safety flag trends over time (`GET /analytics/safety-trends`). */
  getSafetyTrends(
    params?: OperationQuery<'get-safety-trends'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-safety-trends'>>> {
    return this._op('get', 'analytics/safety-trends', { query: params }, options)
  }

  /** Operator performance statistics (`GET /analytics/operator-performance`). */
  getOperatorPerformance(
    params?: OperationQuery<'get-operator-performance'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-operator-performance'>>> {
    return this._op('get', 'analytics/operator-performance', { query: params }, options)
  }

  /** Detailed call statistics with breakdowns (`GET /analytics/calls/advanced`). */
  getAdvancedCallStats(
    params?: OperationQuery<'get-advanced-call-stats'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-advanced-call-stats'>>> {
    return this._op('get', 'analytics/calls/advanced', { query: params }, options)
  }
}
