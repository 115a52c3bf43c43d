import { checkFault, MAX_TIMER_MS } from './faults/check'
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

// Each numeric option and the smallest value that makes sense (a 0 ms heartbeat would spin).
const NUMBERS: [keyof MockPlatformOptions, number][] = [
  ['port', 0],
  ['seed', 0],
  ['latencyMs', 0],
  ['sseRetryMs', 0],
  ['sseHeartbeatMs', 1],
  ['maxStreamsPerWorkspace', 1],
  ['eventBufferSize', 1],
  ['tokenTtlSeconds', 1],
  ['deviceCodeIntervalSeconds', 0],
  ['deviceCodeExpiresInSeconds', 1],
  ['webhookMaxAttempts', 1],
  ['webhookBaseDelayMs', 0],
  ['turnTokenDelayMs', 0],
  ['maxRecordedRequests', 0],
]

// Every option's name, once: the type keeps the list complete and exact.
const OPTION_NAMES: Record<keyof MockPlatformOptions, true> = {
  port: true,
  seed: true,
  latencyMs: true,
  faults: true,
  spec: true,
  validateResponses: true,
  sseRetryMs: true,
  sseHeartbeatMs: true,
  maxStreamsPerWorkspace: true,
  eventBufferSize: true,
  tokenTtlSeconds: true,
  deviceCodeIntervalSeconds: true,
  deviceCodeExpiresInSeconds: true,
  webhookMaxAttempts: true,
  webhookBaseDelayMs: true,
  turnTokenDelayMs: true,
  maxRecordedRequests: true,
}

/**
 * Throws a TypeError naming the first unknown option (a misspelt one, or `host`: the mock listens
 * on 127.0.0.1 only), or the first option of the wrong type or out of range.
 */
function validateOptions(o: unknown): asserts o is MockPlatformOptions {
  if (typeof o !== 'object' || o === null) throw new TypeError('startMockPlatform options must be an object')
  const opts = o as Record<string, unknown>
  for (const key of Object.keys(opts))
    if (!Object.hasOwn(OPTION_NAMES, key)) throw new TypeError(`startMockPlatform: unknown option "${key}"`)
  if (opts.validateResponses !== undefined && typeof opts.validateResponses !== 'boolean')
    throw new TypeError(`validateResponses must be a boolean, got ${typeof opts.validateResponses}`)
  for (const [name, min] of NUMBERS) {
    const v = opts[name]
    if (v === undefined) continue
    if (
      typeof v !== 'number' ||
      Number.isNaN(v) ||
      v < min ||
      (name !== 'maxRecordedRequests' && v > MAX_TIMER_MS)
    )
      throw new TypeError(`${name} must be a number >= ${min}, got ${typeof v === 'number' ? v : typeof v}`)
  }
  if (opts.port !== undefined && (!Number.isInteger(opts.port) || (opts.port as number) > 65_535))
    throw new TypeError('port must be a whole number from 0 to 65535')
  if (opts.faults !== undefined) {
    if (!Array.isArray(opts.faults)) throw new TypeError('faults must be an array')
    for (const [i, f] of opts.faults.entries()) checkFault(f, `faults[${i}]`)
  }
  if (
    opts.spec !== undefined &&
    typeof opts.spec !== 'string' &&
    (typeof opts.spec !== 'object' || opts.spec === null)
  )
    throw new TypeError('spec must be a path or an OpenAPI document object')
}

/** Fills in defaults (after checking the options with `validateOptions`). */
export function resolveOptions(o: MockPlatformOptions): ResolvedOptions {
  validateOptions(o)
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
