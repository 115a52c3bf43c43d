// The schema names the single-package SDK 0.46 exported, so code written against it compiles
// unchanged. Each is an alias into the generated `components` (or an operation's query); nothing
// restates a shape by hand. types.ts holds this package's own friendly names.
import type { OperationQuery } from './resources/operation-types'
import type { Schemas } from './types'

/** A call as listed. */
export type CallSummary = Schemas['CallSummary']
/** One turn of a call's transcript. */
export type CallTurn = Schemas['Turn']
/** One tool call made during a call. */
export type CallToolCall = Schemas['ToolCall']
/** A call's playback timeline (lanes and segments). */
export type PlaybackTimeline = Schemas['PlaybackTimeline']
/** Who a timeline lane or segment belongs to. */
export type TimelineActor = Schemas['TimelineActor']
/** One lane of a playback timeline. */
export type TimelineLaneDefinition = Schemas['TimelineLaneDefinition']
/** One segment of a playback timeline. */
export type TimelineSegment = Schemas['TimelineSegment']
/** The time base of a playback timeline. */
export type TimelineTimebase = Schemas['TimelineTimebase']
/** Where one turn sits on a playback timeline. */
export type TurnTimeline = Schemas['TurnTimeline']
/** The kinds of timeline segment. */
export type TimelineSegmentType = TimelineSegment['type']
/** The lanes a timeline segment can be on. */
export type TimelineLane = TimelineSegment['lane']
/** The tracks of a timeline segment. */
export type TimelineTrack = NonNullable<TimelineSegment['track']>
/** The kinds of timeline actor. */
export type TimelineActorKind = TimelineActor['kind']
/** The roles of a timeline actor. */
export type TimelineActorRole = TimelineActor['role']

/** A text conversation with its turns. */
export type ConversationDetail = Schemas['ConversationDetail']
/** One page of conversations. */
export type ConversationListResponse = Schemas['ConversationListResponse']
/** One turn of a text conversation. */
export type ConversationTurn = Schemas['ConversationTurn']
/** Body that starts a conversation. */
export type CreateConversationRequest = Schemas['CreateConversationRequest']
/** Query of `conversations.list`. */
export type ListConversationsParams = OperationQuery<'list_conversations_v1__workspace_id__conversations_get'>
/** Body of one user turn. */
export type TurnRequest = Schemas['TurnRequest']
/** The answer to one user turn. */
export type TurnResponse = Schemas['TurnResponse']

/** One metric of the catalog. */
export type MetricCatalogEntry = Schemas['MetricCatalogEntry']
/** The metric catalog. */
export type MetricCatalogResponse = Schemas['MetricCatalogResponse']
/** The latest value of each metric. */
export type MetricListResponse = Schemas['MetricListResponse']
/** A numerical metric value. */
export type NumericalMetricValue = Schemas['NumericalMetricValueResponse']
/** A categorical metric value. */
export type CategoricalMetricValue = Schemas['CategoricalMetricValueResponse']
/** A boolean metric value. */
export type BooleanMetricValue = Schemas['BooleanMetricValueResponse']
/** One metric value, of any type (`metric_type` tells which). */
export type MetricValue = NumericalMetricValue | CategoricalMetricValue | BooleanMetricValue
/** @deprecated The single-package SDK's older name of `MetricValue`. */
export type MetricValueResponse = MetricValue
/** Query of `metrics.getValues`. */
export type MetricValuesParams = OperationQuery<'get-metric-values'>
/** Query of `metrics.getTrend`. */
export type MetricTrendParams = OperationQuery<'get-metric-trend'>

/** Body that starts an SES email channel setup. */
export type CreateSesSetupRequest = Schemas['CreateSesSetupRequest']
/** An SES setup with its DNS records. */
export type SesSetupDetail = Schemas['SesSetupDetailResponse']
/** An SES setup as listed. */
export type SesSetupListItem = Schemas['SesSetupListItemResponse']
/** One page of SES setups. */
export type SesSetupListResponse = Schemas['PaginatedResponse_SesSetupListItemResponse_']
/** A DNS record an SES setup needs. */
export type DnsRecord = Schemas['DnsRecordResponse']
