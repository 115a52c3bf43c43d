import type { MockFault } from './faults/types'
import type { ResolvedOptions } from './http/types'
import type { OpenApiDocument } from './spec/types'

/** Options of `startMockPlatform`. Every field is optional. */
export interface MockPlatformOptions {
  /** Port on 127.0.0.1 (0 = an ephemeral port, the default). */
  port?: number
  /** Seed of the generated workspace: same seed, same ids, keys and data (default 1). */
  seed?: number
  /** Extra delay added to every HTTP request, ms (default 0). */
  latencyMs?: number
  /** Server-wide faults armed from the start (see `MockFault`). */
  faults?: MockFault[]
  /** The OpenAPI document (object or path); default: the copy shipped with the package. */
  spec?: string | OpenApiDocument
  /** Check every 2xx JSON body against its response schema and answer 500 on a mismatch (tests). */
  validateResponses?: boolean
  /** `retry:` value (ms) sent first on the workspace event stream (default 3000). */
  sseRetryMs?: number
  /** Interval of keep-alive comments on SSE streams, ms (default 15000). */
  sseHeartbeatMs?: number
  /** Concurrent workspace event streams allowed per workspace before `too_many_streams` (default 5). */
  maxStreamsPerWorkspace?: number
  /** Events kept for `Last-Event-ID` replay (default 1000). */
  eventBufferSize?: number
  /** Lifetime of issued access tokens, seconds (default 3600). */
  tokenTtlSeconds?: number
  /** Device-code polling interval the mock asks for and enforces with `slow_down`, seconds (default 5). */
  deviceCodeIntervalSeconds?: number
  /** Device-code lifetime, seconds (default 600). */
  deviceCodeExpiresInSeconds?: number
  /** Webhook delivery attempts per event and destination (default 3). */
  webhookMaxAttempts?: number
  /** First retry delay of webhook deliveries, doubled per attempt, ms (default 50). */
  webhookBaseDelayMs?: number
  /** Delay between streamed turn tokens and observer frames, ms (default 5). */
  turnTokenDelayMs?: number
  /** Keep only the newest N entries in `mock.requests` (default: keep all; the CLI keeps 1000). */
  maxRecordedRequests?: number
}

/** Fills in defaults. */
export function resolveOptions(o: MockPlatformOptions): ResolvedOptions {
  return {
    seed: o.seed ?? 1,
    latencyMs: o.latencyMs ?? 0,
    validateResponses: o.validateResponses ?? false,
    sseRetryMs: o.sseRetryMs ?? 3000,
    sseHeartbeatMs: o.sseHeartbeatMs ?? 15_000,
    maxStreamsPerWorkspace: o.maxStreamsPerWorkspace ?? 5,
    eventBufferSize: o.eventBufferSize ?? 1000,
    tokenTtlSeconds: o.tokenTtlSeconds ?? 3600,
    deviceCodeIntervalSeconds: o.deviceCodeIntervalSeconds ?? 5,
    deviceCodeExpiresInSeconds: o.deviceCodeExpiresInSeconds ?? 600,
    webhookMaxAttempts: o.webhookMaxAttempts ?? 3,
    webhookBaseDelayMs: o.webhookBaseDelayMs ?? 50,
    turnTokenDelayMs: o.turnTokenDelayMs ?? 5,
    maxRecordedRequests: o.maxRecordedRequests ?? Number.POSITIVE_INFINITY,
  }
}
