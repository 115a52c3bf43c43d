// Type-level compatibility: client, error, paging and schema code shaped the way programs written
// for the official SDK 0.46 use its exports. Never run; it only has to compile (the workspace
// typecheck in the test command includes this folder), so a change that would break such programs
// fails the build. auth and realtime names have fixtures of their own next to this one.
import createClient from 'openapi-fetch'
import type { paths } from '../../src/generated/openapi'
import {
  type AgentId,
  AgentsResource,
  AmigoClient,
  type AmigoConfig,
  AmigoError,
  type AmigoErrorWithBody,
  type AmigoRequestOptions,
  type AmigoResponse,
  agentId,
  type BooleanMetricValue,
  type CallSummary,
  type CallToolCall,
  type CallTurn,
  type ConversationDetail,
  type ConversationListResponse,
  type CreateConversationRequest,
  type CreateSesSetupRequest,
  type DnsRecord,
  type ErrorContext,
  type HttpExceptionBody,
  type HttpValidationErrorBody,
  isHttpException,
  isHttpValidationError,
  isUnparseableErrorBody,
  type LastResponseInfo,
  type ListConversationsParams,
  type ListParams,
  type MetricCatalogEntry,
  type MetricTrendParams,
  type MetricValue,
  type MetricValuesParams,
  NetworkError,
  NotFoundError,
  type PaginatedList,
  ParseError,
  type PlatformErrorBody,
  type PlaybackTimeline,
  paginate,
  parseRateLimitHeaders,
  parseWebhookEvent,
  type RateLimitInfo,
  RequestTimeoutError,
  type ResponseMetadata,
  type ScopedRequestOptions,
  type SesSetupDetail,
  SesSetupResource,
  type TimelineLane,
  type TimelineSegmentType,
  type TurnRequest,
  type TurnResponse,
  type UnparseableErrorBody,
  type WebhookEvent,
  type WithResponseMetadata,
} from '../../src/index'

export async function officialClientUsage(): Promise<void> {
  const config: AmigoConfig = {
    apiKey: 'key',
    workspaceId: 'ws',
    retry: { maxAttempts: 4, baseDelayMs: 100 },
    headers: { 'x-count': 1, 'x-flag': true, 'x-list': ['a', 'b'] },
  }
  const client = new AmigoClient(config)
  const scoped: ScopedRequestOptions = { timeout: 5_000, retry: { maxAttempts: 1 }, cache: 'no-store' }
  const view: AmigoClient = client.withOptions(scoped)

  const id: AgentId = agentId('a-1')
  const agent = await view.agents.get(id)
  const requestId: string = agent._request_id
  const last: LastResponseInfo = agent.lastResponse
  const limit: number | null = last.rateLimit.limit
  const reset: Date | null = parseRateLimitHeaders(last.headers).reset

  const listAgents = client.defineRoute('GET', '/v1/{workspace_id}/agents')
  const response: AmigoResponse<unknown> = await listAgents({ params: { query: { limit: 5 } } })
  const meta: ResponseMetadata | undefined = undefined
  const init: AmigoRequestOptions = { timeout: 1_000, maxRetries: 0, retry: { maxDelayMs: 10 } }
  await client.GET('/v1/{workspace_id}/agents', {
    timeout: 1_000,
    retry: { maxAttempts: 2 },
    params: { query: { limit: 1 } },
  })
  // @ts-expect-error TRACE is not a method defineRoute binds
  client.defineRoute('TRACE', '/v1/{workspace_id}/agents')
  // @ts-expect-error the calls list has no DELETE
  client.defineRoute('DELETE', '/v1/{workspace_id}/calls')

  for await (const item of paginate((token?: number) => client.agents.list({ continuation_token: token })))
    void item.id
  // The official auto-pagers took the list's own params, a starting cursor included.
  for await (const agent of client.agents.listAutoPaging({ limit: 20, continuation_token: 40 })) void agent.id
  for await (const entity of client.world.listEntitiesAutoPaging({ limit: 50, offset: 100 })) void entity.id
  // Its config typed the key as a string.
  const key: string = config.apiKey
  const page: PaginatedList<string> = { items: ['x'], has_more: false, continuation_token: null }
  const params: ListParams = { limit: 10, continuation_token: 20 }
  const wrapped: WithResponseMetadata<{ a: number }> = { a: 1 } as WithResponseMetadata<{ a: number }>

  try {
    await client.agents.get('missing')
  } catch (err) {
    if (isHttpException(err)) {
      const body: HttpExceptionBody = err.errorBody
      void body.detail
    }
    if (isHttpValidationError(err)) void (err.errorBody as HttpValidationErrorBody).detail?.[0]?.msg
    if (isUnparseableErrorBody(err)) void (err.errorBody as UnparseableErrorBody).raw_body
    if (err instanceof AmigoError) void [err.statusCode, err.errorCode, err.requestId, err.detail]
  }
  const context: ErrorContext = { statusCode: 404, errorCode: 'nope', requestId: 'r', detail: 'gone' }
  const typed: AmigoErrorWithBody<HttpExceptionBody> = new NotFoundError('gone', {
    ...context,
    errorBody: { detail: 'gone' },
  }) as AmigoErrorWithBody<HttpExceptionBody>
  const generic: AmigoError<PlatformErrorBody> = new ParseError('bad body', '<html>')
  const network = new NetworkError('down', new TypeError('fetch failed'))
  const timedOut = new RequestTimeoutError('timed out', 5_000, new TypeError('aborted'))

  const api = createClient<paths>({ baseUrl: 'https://api.platform.amigo.ai' })
  const sesSetup = new SesSetupResource(api, 'ws')
  const setupBody: CreateSesSetupRequest = { tenant_name: 't', domain_identity: 'mail.example.com' }
  const setup: SesSetupDetail = await sesSetup.create(setupBody)
  const record: DnsRecord | undefined = setup.dns_records[0]
  const agents = new AgentsResource(api, 'ws')

  const event: WebhookEvent<{ call_sid: string }> = {
    id: 'evt',
    type: 'call.ended',
    timestamp: '2026-01-01T00:00:00Z',
    data: { call_sid: 'CA1' },
  }
  const schemaNames: Array<
    | CallSummary
    | CallTurn
    | CallToolCall
    | ConversationDetail
    | ConversationListResponse
    | CreateConversationRequest
    | ListConversationsParams
    | TurnRequest
    | TurnResponse
    | MetricCatalogEntry
    | MetricValue
    | BooleanMetricValue
    | MetricValuesParams
    | MetricTrendParams
    | PlaybackTimeline
    | TimelineLane
    | TimelineSegmentType
    | RateLimitInfo
  > = []
  void [requestId, limit, reset, response, meta, view, page, params, wrapped, typed, generic, network, init]
  void [record, agents, event, schemaNames, key, timedOut]
}

/** The official positional webhook form: its event's `type` compares with any string. */
export async function officialWebhookUsage(
  body: string,
  signature: string,
  secret: string,
): Promise<unknown> {
  const delivered = await parseWebhookEvent(body, signature, secret)
  if (delivered.type === 'call.completed') return delivered.data
  const typed = await parseWebhookEvent<{ call_sid: string }>(body, signature, secret)
  return typed.data.call_sid
}
