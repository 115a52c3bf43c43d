import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Principal } from '../auth/principal'
import { canAccessWorkspace } from '../auth/principal'
import type { FaultRegistry } from '../faults/registry'
import type { MockFault } from '../faults/types'
import type { Operation } from '../spec/operations'
import type { Router } from '../spec/router'
import { readBody } from './read-body'
import { requestTarget } from './request-target'
import { sendJson } from './respond'
import { checkScope } from './scopes'
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

/** Routes whose body is checked by the handler itself (OAuth errors instead of 422). */
const SELF_VALIDATING = new Set(['POST /token'])

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// Browsers may call the mock directly (dashboards, realtime tests): allow any origin.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'x-request-id, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, retry-after, www-authenticate',
}

function rateLimitHeaders(requestId: string): Record<string, string> {
  return {
    ...CORS,
    'x-request-id': requestId,
    'x-ratelimit-limit': '1000',
    'x-ratelimit-remaining': '999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 60),
  }
}

/** Applies the transport-level part of a fault; returns true when the request is finished. */
function applyFault(
  fault: MockFault,
  req: IncomingMessage,
  res: ServerResponse,
  deps: PipelineDeps,
  requestId: string,
): boolean {
  if (fault.reset) {
    const socket = req.socket as { resetAndDestroy?: () => void; destroy: () => void }
    if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy()
    else socket.destroy()
    return true
  }
  if (fault.halfOpen) {
    deps.held.add(req)
    req.socket.once('close', () => deps.held.delete(req))
    return true
  }
  if (fault.malformedJson) {
    const body = '{"items": [{"id": '
    res.writeHead(fault.status ?? 200, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'x-request-id': requestId,
    })
    res.end(body)
    return true
  }
  if (fault.status !== undefined) {
    const headers: Record<string, string> = { 'x-request-id': requestId }
    if (fault.retryAfter !== undefined || fault.status === 429)
      headers['retry-after'] = String(fault.retryAfter ?? 1)
    sendJson(res, fault.status, fault.body ?? { detail: `Injected fault: HTTP ${fault.status}` }, headers)
    return true
  }
  return false
}

function bearerOf(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization
  if (!h) return undefined
  const m = /^Bearer\s+(.+)$/i.exec(h.trim())
  return m ? m[1]!.trim() : ''
}

/** Handles one HTTP request end to end: record, faults, routing, auth, validation, handler, response. */
export async function handleRequest(
  deps: PipelineDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { core } = deps
  const requestId = deps.nextRequestId()
  const url = requestTarget(req.url)
  const method = (req.method ?? 'GET').toUpperCase()
  const record: RecordedRequest = {
    method,
    path: url.pathname,
    query: {},
    headers: { ...req.headers },
    body: undefined,
    requestId,
    time: Date.now(),
  }
  for (const k of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(k)
    record.query[k] = all.length > 1 ? all : all[0]!
  }
  deps.requests.push(record)
  const excess = deps.requests.length - core.options.maxRecordedRequests
  if (excess > 0) deps.requests.splice(0, excess)
  const base = rateLimitHeaders(requestId)
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    record.status = status
    sendJson(res, status, body, { ...base, ...headers })
  }

  if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
    record.status = 204
    res.writeHead(204, {
      ...CORS,
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
      'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? '*'),
      'access-control-max-age': '600',
    })
    res.end()
    return
  }

  let bodyText: string | undefined
  try {
    bodyText = await readBody(req)
  } catch (e) {
    return answer((e as { status?: number }).status ?? 400, { detail: (e as Error).message })
  }
  const contentType = String(req.headers['content-type'] ?? '')
  if (bodyText !== undefined) {
    if (/json/.test(contentType)) {
      try {
        record.body = JSON.parse(bodyText)
      } catch {
        record.body = bodyText
      }
    } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
      record.body = Object.fromEntries(new URLSearchParams(bodyText))
    } else record.body = bodyText
  }

  let fault: MockFault | undefined
  try {
    const header = req.headers['x-mock-fault']
    fault = deps.faults.take(method, url.pathname, Array.isArray(header) ? header[0] : header)
  } catch (e) {
    return answer(400, { detail: (e as Error).message })
  }
  const delay = core.options.latencyMs + (fault?.latencyMs ?? 0)
  if (delay > 0) await sleep(delay)
  if (res.destroyed) return
  if (fault && applyFault(fault, req, res, deps, requestId)) {
    if (!fault.reset && !fault.halfOpen) record.status = res.statusCode
    return
  }

  const match = deps.router.match(method, url.pathname)
  if (match.kind === 'not-found') return answer(404, { detail: 'Not Found' })
  if (match.kind === 'method-not-allowed')
    return answer(405, { detail: 'Method Not Allowed' }, { allow: match.allow.join(', ') })
  const op: Operation = match.operation
  record.operationId = op.operationId

  let principal: Principal | undefined
  const token = bearerOf(req)
  if (token) {
    const resolved = core.auth.resolve(token)
    if (resolved === 'expired' && !op.isPublic)
      return answer(
        401,
        { detail: 'Token expired', error_code: 'token_expired' },
        { 'www-authenticate': 'Bearer error="invalid_token"' },
      )
    if (resolved && resolved !== 'expired') principal = resolved
    else if (!op.isPublic)
      return answer(401, { detail: 'Invalid authentication credentials' }, { 'www-authenticate': 'Bearer' })
  } else if (!op.isPublic) {
    return answer(401, { detail: 'Not authenticated' }, { 'www-authenticate': 'Bearer' })
  }

  const validated = core.spec.requests.validate(
    op,
    { params: match.params, query: url.searchParams, headers: req.headers, contentType, bodyText },
    { skipBodySchema: SELF_VALIDATING.has(op.key) },
  )
  if (!validated.ok) return answer(422, { detail: validated.issues })
  const parsed = validated.value

  if (
    principal &&
    typeof parsed.path.workspace_id === 'string' &&
    !canAccessWorkspace(principal, parsed.path.workspace_id)
  )
    return answer(403, { detail: 'This token cannot access the workspace' })
  if (principal && !op.isPublic) {
    const denied = checkScope(principal, op, parsed.query)
    if (denied) return answer(403, { detail: denied })
  }

  const ctx: HandlerContext = {
    core,
    op,
    path: parsed.path,
    query: parsed.query,
    body: parsed.body,
    headers: req.headers,
    principal,
    fault,
    requestId,
    req,
    res,
    sample: () => core.spec.sampleResponse(op),
  }
  const handler = deps.handlers.get(op.key)
  let reply: Reply | typeof STREAMED
  try {
    reply = handler ? await handler(ctx) : { body: ctx.sample() }
  } catch (e) {
    if (e instanceof HttpError) return answer(e.status, e.body, e.headers)
    console.error(`platform-mock: handler for ${op.key} failed:`, e)
    return answer(500, { detail: 'Internal mock error' })
  }
  if (reply === STREAMED) {
    record.status = 200
    return
  }
  const status = reply.status ?? (Number(Object.keys(op.op.responses ?? {}).find((c) => /^2/.test(c))) || 200)
  if (core.options.validateResponses && status < 300) {
    const issues = core.spec.checkResponse(op, status, reply.body)
    if (issues.length) {
      console.error(`platform-mock: ${op.key} answered a body that breaks its schema`, issues.slice(0, 5))
      return answer(500, { detail: 'Mock response does not match the schema', issues: issues.slice(0, 20) })
    }
  }
  answer(status, status === 204 ? undefined : reply.body, reply.headers)
}
