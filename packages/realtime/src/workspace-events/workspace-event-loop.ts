import {
  AuthenticationError,
  backoffDelay,
  ConfigurationError,
  DEFAULT_BASE_URL,
  errorFromResponse,
  isHeaderValue,
  PermissionError,
  parseRetryAfter,
  redactDeep,
  redactSecrets,
  sleep,
  untilAborted,
} from '@amigo-ai/core'
import { callUserCallback } from '../callbacks/call-user-callback'
import { wasStable } from '../reconnect/stable-connection'
import { readServerSentEventBatches, type ServerSentEvent } from '../sse/read-server-sent-events'
import { decodeWorkspaceEvent, parseObject } from './decode-workspace-event'
import { linkedController } from './linked-controller'
import { ReplayGuard } from './replay-guard'
import { TOKEN_REQUIRED } from './validate-stream-options'
import {
  WorkspaceEventStreamError,
  type WorkspaceEventStreamErrorFrame,
} from './workspace-event-stream-error'
import type { DeliveredWorkspaceEvent, WorkspaceEventStreamOptions } from './workspace-events-options'

// The error-frame code after which reconnecting cannot help (the workspace's stream cap is reached).
const TERMINAL_FRAME_CODE = 'too_many_streams'
// HTTP statuses at connect that are worth another attempt; any other non-2xx (a redirect included:
// it is not followed, see open) ends the stream.
const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504])
// How long a connect waits for getToken: the WebSocket side's default openTimeoutMs.
const GET_TOKEN_TIMEOUT_MS = 30_000

/**
 * How a connection ended: `final` ends the stream now (no reconnect); otherwise a reconnect follows
 * after at least `minDelayMs` (Retry-After), up to `maxDelayMs` as for every request of the SDK.
 */
interface Failure {
  error: unknown
  final: boolean
  minDelayMs?: number
  frame?: WorkspaceEventStreamErrorFrame
}

/**
 * The reconnecting workspace event stream as a pull-based generator: it connects, yields the decoded
 * events of each network chunk as one batch (never empty), and on a drop waits (exponential backoff,
 * full jitter, server `retry:` floor) and resumes with `Last-Event-ID`. Replayed duplicates are
 * skipped. Ends quietly when `signal` aborts; throws the terminal error otherwise. Batches, not single
 * events, so that consumers pay one async-generator hop per chunk rather than one per event. Its
 * callers check `options` first (validateStreamOptions), so that bad options throw at once.
 */
export async function* workspaceEventLoop(
  options: WorkspaceEventStreamOptions,
  signal: AbortSignal,
): AsyncGenerator<DeliveredWorkspaceEvent[], void, undefined> {
  const initialDelayMs = options.initialDelayMs ?? 3000
  const maxDelayMs = Math.max(options.maxDelayMs ?? 30_000, initialDelayMs)
  const maxReconnects = options.maxReconnects ?? 10
  // The global fetch as it is now (instrumentation may have replaced it since the import).
  const doFetch = options.fetch ?? fetch.bind(globalThis)
  const url = `${(options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')}/v1/${encodeURIComponent(options.workspaceId)}/events/stream`
  const guard = new ReplayGuard()
  const position: StreamPosition = { lastEventId: options.lastEventId }
  let floorMs = initialDelayMs
  let failures = 0
  let reconnects = 0

  while (!signal.aborted) {
    let outcome: Failure
    let openedAt: number | undefined
    const { controller: connection, dispose } = linkedController(signal)
    try {
      const resumedFrom = position.lastEventId
      guard.resume(resumedFrom, position.before)
      const opened = await open(doFetch, url, options, resumedFrom, connection.signal)
      if ('final' in opened) outcome = opened
      else {
        openedAt = Date.now()
        callUserCallback('onOpen', options.onOpen, { reconnects, resumedFrom })
        const batches = readServerSentEventBatches(opened.response.body!, {
          maxFrameBytes: options.maxFrameBytes,
          signal: connection.signal,
          onRetry: (ms) => {
            // The server's reconnection time replaces the client's, as in the HTML standard; at least
            // 100 ms, so that a broken server sending `retry: 0` cannot cause a hot loop.
            floorMs = Math.min(Math.max(ms, 100), maxDelayMs)
          },
        })
        outcome = yield* deliverEvents(batches, guard, position, opened.token)
      }
    } catch (error) {
      outcome = { error, final: false }
    } finally {
      dispose()
    }
    if (signal.aborted) return
    if (outcome.final) throw outcome.error
    // A stable connection proves the endpoint works: its drop is the first failure of a new run.
    failures = wasStable(openedAt) ? 1 : failures + 1
    if (failures > maxReconnects) {
      throw new WorkspaceEventStreamError(
        `Out of reconnect budget: ${failures} failed connection${failures > 1 ? 's' : ''} in a row (maxReconnects ${maxReconnects})`,
        { code: 'transport_exhausted', retryable: true, frame: outcome.frame, cause: outcome.error },
      )
    }
    const jittered = backoffDelay(failures - 1, { baseDelayMs: floorMs, maxDelayMs, random: options.random })
    const delayMs = Math.min(Math.max(jittered, outcome.minDelayMs ?? 0), maxDelayMs)
    reconnects++
    callUserCallback('onReconnect', options.onReconnect, failures, { delayMs, error: outcome.error })
    // An abort ends the wait early (sleep rejects) and then the loop.
    await sleep(delayMs, signal).catch(() => {})
  }
}

/**
 * Where the stream is: the id of the last event past the resume point that a header can carry (what
 * a reconnect resumes from, and the cursor handed out), and the one before it (see ReplayGuard).
 */
interface StreamPosition {
  lastEventId: string | undefined
  before?: string | undefined
}

/** An open connection: its event-stream response and the token it was opened with. */
interface Opened {
  response: Response
  token: string
}

/**
 * Yields the events of one connection, batch by batch (replayed ones skipped, the position moved on
 * by every id a header can carry), and returns how the connection ended: at an `error` frame (the
 * events before it are still delivered) or at the end of the stream. `token` is what an error frame must not quote.
 */
async function* deliverEvents(
  batches: AsyncIterable<ServerSentEvent[]>,
  guard: ReplayGuard,
  position: StreamPosition,
  token: string,
): AsyncGenerator<DeliveredWorkspaceEvent[], Failure, undefined> {
  for await (const messages of batches) {
    const delivered: DeliveredWorkspaceEvent[] = []
    let failure: Failure | undefined
    for (const message of messages) {
      const { id } = message
      // The event's id as a cursor: only one the stream could resume from (passed back as
      // lastEventId, any other would be refused).
      let cursor: string | undefined
      if (id !== undefined) {
        if (!guard.isPastResumePoint(id)) continue
        // No header carries an id past Latin-1 or with a control character (fetch would refuse every
        // reconnect): resuming from the last id one can is all there is.
        if (isHeaderValue(id)) {
          if (id !== position.lastEventId) position.before = position.lastEventId
          cursor = position.lastEventId = id
        }
      }
      if (message.event === 'error') {
        failure = frameFailure(message.data, token)
        break
      }
      const event = decodeWorkspaceEvent(message)
      if (!event || (id !== undefined && !guard.add(id, message.event, message.data))) continue
      delivered.push(cursor === undefined ? { event } : { event, id: cursor })
    }
    if (delivered.length) yield delivered
    if (failure) return failure
  }
  return { error: new Error('The event stream ended'), final: false }
}

async function open(
  doFetch: typeof fetch,
  url: string,
  options: WorkspaceEventStreamOptions,
  lastEventId: string | undefined,
  signal: AbortSignal,
): Promise<Opened | Failure> {
  let token = options.token
  try {
    // Raced with the abort (a getter that never settles must not keep a closed stream waiting) and
    // with a timeout, which fails this connect so the next one asks again. `signal` is the
    // connection's: it is aborted once the connection is over, which clears the timer.
    if (options.getToken)
      token = await Promise.race([
        options.getToken(),
        sleep(GET_TOKEN_TIMEOUT_MS, signal).then(() => {
          throw new Error('getToken did not answer within 30 s')
        }),
      ])
    if (typeof token !== 'string' || !token) throw new ConfigurationError(TOKEN_REQUIRED)
  } catch (error) {
    // A token source that says "not authorised" or "misconfigured" will not recover by itself.
    // (Brand checks, as the guards make: the classes are already here for errorFromResponse.)
    const final = [AuthenticationError, PermissionError, ConfigurationError].some((c) => c.isInstance(error))
    return { error, final }
  }
  // A Headers, so that the stream's own names replace a caller's however it spelled them (a plain
  // record would keep `Accept` next to `accept`, and fetch would send both values joined). Checked
  // before anything is sent: fetch's own error would quote the value (the token, say) and count as a
  // network failure worth retrying. Values are checked as Headers keeps them, white space at either
  // end trimmed, as it is sent.
  let headers: Headers
  try {
    headers = new Headers(options.headers)
    headers.set('accept', 'text/event-stream')
    headers.set('authorization', `Bearer ${token}`)
    if (lastEventId !== undefined) headers.set('last-event-id', lastEventId)
    // Headers itself refuses only line breaks, NUL and characters past Latin-1 (see isHeaderValue).
    if (![...headers.values()].every(isHeaderValue)) throw new TypeError()
  } catch {
    return {
      error: new ConfigurationError('headers, lastEventId or token: invalid header value'),
      final: true,
    }
  }
  // A redirect is not followed (it ends the stream as an HTTP error): fetch would send the
  // caller's headers and the resume point to wherever `Location` points, and take its events.
  // Raced with the abort too: Node 20 and 22's fetch, re-sending a request answered 421 whose body
  // was cut off, never settles, whatever its signal does.
  const response = await untilAborted(
    doFetch(url, { headers, signal, cache: 'no-store', redirect: 'manual' }),
    signal,
  )
  if (response.ok) {
    const type = response.headers.get('content-type') ?? ''
    if (response.body && type.includes('text/event-stream')) return { response, token }
    // Its body is left to the connection's abort (the loop disposes of the connection next).
    const got = redactSecrets(type, [token])
    return { error: new Error(`Expected text/event-stream, got "${got}"`), final: false }
  }
  const error = await httpError(response, token, signal)
  if (!RETRYABLE_STATUSES.has(response.status)) return { error, final: true }
  return { error, final: false, minDelayMs: parseRetryAfter(response.headers.get('retry-after')) }
}

/**
 * The error of a non-2xx answer, from its body if that arrives within 5 s (a body that never ends
 * must not hold the stream: the error is then made without it).
 */
async function httpError(response: Response, token: string, signal: AbortSignal) {
  // `signal` is the connection's: it is aborted once the connection is over, which clears the timer.
  // The sleep winning leaves `text` undefined: an error without a body.
  const text = await Promise.race([response.text(), sleep(5000, signal)]).catch(() => '')
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    // keep the raw text
  }
  return errorFromResponse({
    status: response.status,
    headers: response.headers,
    body,
    requestId: response.headers.get('x-request-id') ?? undefined,
    // A server that echoes the token (e.g. in a 401 detail) must not put it into the error.
    secrets: [token],
  })
}

/**
 * How an `error` frame ends its connection (a body that is not a JSON object becomes `{ message }`),
 * with the connection's token redacted wherever a server echoed it.
 */
function frameFailure(data: string, token: string): Failure {
  const frame = redactDeep(parseObject(data) ?? { message: data }, [token]) as WorkspaceEventStreamErrorFrame
  const code = typeof frame.code === 'string' ? frame.code : 'unknown'
  const detail = typeof frame.message === 'string' ? `: ${frame.message}` : ''
  const error = new WorkspaceEventStreamError(`The event stream reported ${code}${detail}`, {
    code,
    retryable: code !== TERMINAL_FRAME_CODE,
    frame,
  })
  return { error, final: !error.retryable, frame }
}
