import type { IncomingMessage, ServerResponse } from 'node:http'
import { MAX_TIMER_MS } from '../faults/check'
import type { FaultRegistry } from '../faults/registry'
import type { MockFault } from '../faults/types'
import { bodyKind, parseBodyAs, readsAsJson } from '../spec/body-kind'
import { decodeJsonBytes } from '../spec/json-bytes'
import type { Operation } from '../spec/operations'
import { type RequestTarget, requestTarget } from '../spec/request-target'
import type { Router } from '../spec/router'
import { applyFault } from './apply-fault'
import { authenticate, authorize } from './authenticate'
import { answerPreflight, standardHeaders } from './cors'
import { Ending } from './ending'
import { oauthBodyError } from './oauth-errors'
import { sampledAnswer } from './paging'
import { readBody } from './read-body'
import { sendJson } from './respond'
import {
  type Handler,
  type HandlerContext,
  HttpError,
  type MockCore,
  type RecordedRequest,
  type Reply,
  STREAMED,
} from './types'

/** Per-mock state the request pipeline needs. */
export interface PipelineDeps {
  core: MockCore
  router: Router
  handlers: Map<string, Handler>
  faults: FaultRegistry
  requests: RecordedRequest[]
  /** Sockets held open by half-open faults (destroyed on close). */
  held: Set<IncomingMessage>
  nextRequestId(): string
}

/** One request on its way through the stages. */
interface Incoming {
  req: IncomingMessage
  res: ServerResponse
  method: string
  url: RequestTarget
  record: RecordedRequest
}

/** Routes whose body is checked by the handler itself (OAuth errors instead of 422). */
const SELF_VALIDATING = new Set(['POST /token'])

// Unref'd: the listening server keeps the process alive meanwhile, and once the mock is closed a
// long latency fault must not keep it alive for a request nobody will read.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref())

/**
 * Handles one HTTP request end to end: record it, then run the stages (CORS preflight, body,
 * faults, routing, authentication, validation, authorization, handler) until one decides how it
 * ends; record that status and send the answer.
 */
export async function handleRequest(
  deps: PipelineDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const incoming = recordRequest(deps, req, res)
  const ending = await runStages(deps, incoming)
  incoming.record.status = ending.status
  if (ending.answer && ending.status !== undefined) {
    const { body, headers } = ending.answer
    sendJson(res, ending.status, body, { ...standardHeaders(incoming.record.requestId), ...headers })
  }
}

async function runStages(deps: PipelineDeps, incoming: Incoming): Promise<Ending> {
  const { req, res } = incoming
  const preflight = answerPreflight(req, res)
  if (preflight) return preflight
  const body = await readRequestBody(incoming)
  if (body instanceof Ending) return body
  const fault = await faultStage(deps, incoming)
  if (fault instanceof Ending) return fault
  const route = routeStage(deps, incoming)
  if (route instanceof Ending) return route
  const auth = authenticate(deps.core.auth, req, route.op)
  if (auth instanceof Ending) return auth
  const bodyText = decodeBody(route.op, body, incoming.record)
  if (bodyText instanceof Ending) return bodyText
  const validated = deps.core.spec.requests.validate(
    route.op,
    {
      params: route.params,
      query: incoming.url.searchParams,
      headers: req.headers,
      contentType: body.contentType,
      bodyText,
    },
    { skipBodySchema: SELF_VALIDATING.has(route.op.key) },
  )
  if (!validated.ok)
    return oauthBodyError(route.op.key, validated.issues) ?? Ending.answer(422, { detail: validated.issues })
  const parsed = validated.value
  const denied = authorize(auth.principal, route.op, parsed)
  if (denied) return denied
  return handlerStage(deps, {
    core: deps.core,
    op: route.op,
    path: parsed.path,
    query: parsed.query,
    body: parsed.body,
    headers: req.headers,
    principal: auth.principal,
    fault: fault.fault,
    requestId: incoming.record.requestId,
    req,
    res,
    sample: () => deps.core.spec.sampleResponse(route.op),
  })
}

/** Adds the request to `mock.requests` (keeping at most `maxRecordedRequests`). */
function recordRequest(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Incoming {
  const url = requestTarget(req.url)
  const method = (req.method ?? 'GET').toUpperCase()
  const record: RecordedRequest = {
    method,
    path: url.pathname,
    query: {},
    headers: { ...req.headers },
    body: undefined,
    requestId: deps.nextRequestId(),
    time: Date.now(),
  }
  for (const k of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(k)
    record.query[k] = all.length > 1 ? all : all[0]!
  }
  deps.requests.push(record)
  const excess = deps.requests.length - deps.core.options.maxRecordedRequests
  if (excess > 0) deps.requests.splice(0, excess)
  return { req, res, method, url, record }
}

/** The request body as it came, and its Content-Type. */
interface RequestBody {
  bytes: Buffer | undefined
  contentType: string
}

/** Reads the body, recording it parsed (JSON, form) or as text. */
async function readRequestBody({ req, res, record }: Incoming): Promise<RequestBody | Ending> {
  let bytes: Buffer | undefined
  try {
    bytes = await readBody(req, res)
  } catch (e) {
    return Ending.answer((e as { status?: number }).status ?? 400, { detail: (e as Error).message })
  }
  const contentType = String(req.headers['content-type'] ?? '')
  if (bytes !== undefined) record.body = parseBodyAs(bodyKind(contentType), bytes.toString('utf8'))
  return { bytes, contentType }
}

/**
 * The body as text. One the operation parses as JSON is decoded as FastAPI decodes it (UTF-8 after
 * any byte order mark, or UTF-16/32), and answers 400 when its bytes are not valid in that encoding:
 * read with replacement characters, the data would be stored changed. Any other is read as UTF-8.
 */
function decodeBody(op: Operation, { bytes, contentType }: RequestBody, record: RecordedRequest) {
  if (bytes === undefined) return undefined
  if (!readsAsJson(op, contentType)) return bytes.toString('utf8')
  const decoded = decodeJsonBytes(bytes)
  if (!decoded.ok)
    return Ending.answer(400, {
      detail: `There was an error parsing the body: not valid ${decoded.encoding}`,
    })
  record.body = parseBodyAs('json', decoded.text)
  return decoded.text
}

/** Takes the fault armed for this request (server-wide or `x-mock-fault`), waits its latency, applies it. */
async function faultStage(
  deps: PipelineDeps,
  { req, res, method, url, record }: Incoming,
): Promise<{ fault: MockFault | undefined } | Ending> {
  let fault: MockFault | undefined
  try {
    const header = req.headers['x-mock-fault']
    fault = deps.faults.take(method, url.pathname, Array.isArray(header) ? header[0] : header)
  } catch (e) {
    return Ending.answer(400, { detail: (e as Error).message })
  }
  // Each part fits a timer; their sum may not.
  const delay = Math.min(deps.core.options.latencyMs + (fault?.latencyMs ?? 0), MAX_TIMER_MS)
  if (delay > 0) await sleep(delay)
  if (res.destroyed) return Ending.dropped
  return (fault && applyFault(fault, req, res, deps.held, record.requestId)) ?? { fault }
}

/** The spec operation of the method and path, or the 404/405 answer. */
function routeStage(
  deps: PipelineDeps,
  { method, url, record }: Incoming,
): { op: Operation; params: Record<string, string> } | Ending {
  const match = deps.router.match(method, url.pathname)
  if (match.kind === 'not-found') return Ending.answer(404, { detail: 'Not Found' })
  if (match.kind === 'method-not-allowed')
    return Ending.answer(405, { detail: 'Method Not Allowed' }, { allow: match.allow.join(', ') })
  record.operationId = match.operation.operationId
  return { op: match.operation, params: match.params }
}

/** Runs the route's handler (or answers a sampled body) and checks a success body against its schema. */
async function handlerStage(deps: PipelineDeps, ctx: HandlerContext): Promise<Ending> {
  const { core, op } = ctx
  const handler = deps.handlers.get(op.key)
  let reply: Reply | typeof STREAMED
  try {
    reply = handler ? await handler(ctx) : { body: sampledAnswer(ctx) }
  } catch (e) {
    if (e instanceof HttpError) return Ending.answer(e.status, e.body, e.headers)
    console.error(`platform-mock: handler for ${op.key} failed:`, e)
    return Ending.answer(500, { detail: 'Internal mock error' })
  }
  if (reply === STREAMED) return Ending.written(200)
  const status = reply.status ?? (Number(Object.keys(op.op.responses ?? {}).find((c) => /^2/.test(c))) || 200)
  if (core.options.validateResponses && status < 300) {
    const issues = core.spec.checkResponse(op, status, reply.body)
    if (issues.length) {
      console.error(`platform-mock: ${op.key} answered a body that breaks its schema`, issues.slice(0, 5))
      return Ending.answer(500, {
        detail: 'Mock response does not match the schema',
        issues: issues.slice(0, 20),
      })
    }
  }
  return Ending.answer(status, status === 204 ? undefined : reply.body, reply.headers)
}
