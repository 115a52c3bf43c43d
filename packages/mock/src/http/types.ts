import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AuthService, Principal } from '../auth/service'
import type { EventHub } from '../events/event-hub'
import type { MockFault } from '../faults/types'
import type { SpecContext } from '../spec/context'
import type { Operation } from '../spec/operations'
import type { Store } from '../state/store'
import type { WebhookDispatcher } from '../webhooks/dispatcher'

/** Options that shape the mock's behaviour (resolved, with defaults). */
export interface ResolvedOptions {
  seed: number
  latencyMs: number
  validateResponses: boolean
  sseRetryMs: number
  sseHeartbeatMs: number
  maxStreamsPerWorkspace: number
  eventBufferSize: number
  tokenTtlSeconds: number
  deviceCodeIntervalSeconds: number
  deviceCodeExpiresInSeconds: number
  webhookMaxAttempts: number
  webhookBaseDelayMs: number
  turnTokenDelayMs: number
  maxRecordedRequests: number
}

/** The parts of a running mock that handlers use. */
export interface MockCore {
  spec: SpecContext
  store: Store
  auth: AuthService
  events: EventHub
  webhooks: WebhookDispatcher
  options: ResolvedOptions
  /** The mock's base URL, e.g. `http://127.0.0.1:4010`. */
  url(): string
  /** Publishes a workspace event (SSE stream + webhooks). */
  emit(type: string, data: Record<string, unknown>, workspaceId?: string): void
}

/** What a handler receives. */
export interface HandlerContext {
  core: MockCore
  op: Operation
  /** Coerced path parameters. */
  path: Record<string, any>
  /** Coerced query parameters (defaults applied). */
  query: Record<string, any>
  /** Parsed (JSON or form) body. */
  body: any
  headers: IncomingMessage['headers']
  /** The authenticated caller (undefined on public routes without a token). */
  principal: Principal | undefined
  /** The fault applying to this request, if any (SSE/WebSocket handlers read theirs from it). */
  fault: MockFault | undefined
  requestId: string
  req: IncomingMessage
  res: ServerResponse
  /** A sampled success response for this operation (valid against its schema). */
  sample(): any
}

/** A handler's answer. */
export interface Reply {
  status?: number
  body?: unknown
  headers?: Record<string, string>
}

/** Returned by handlers that wrote the response themselves (streams). */
export const STREAMED: unique symbol = Symbol('streamed')

/** A route handler. */
export type Handler = (ctx: HandlerContext) => Reply | typeof STREAMED | Promise<Reply | typeof STREAMED>

/** Thrown by handlers to answer with an error status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(
      typeof body === 'object' && body && 'detail' in body ? String((body as any).detail) : `HTTP ${status}`,
    )
  }
}

/** 404 with FastAPI's `{ detail }` body. */
export const notFound = (what: string) => new HttpError(404, { detail: `${what} not found` })

/** 403 with FastAPI's `{ detail }` body. */
export const forbidden = (detail: string) => new HttpError(403, { detail })

/** 409 with FastAPI's `{ detail }` body. */
export const conflict = (detail: string) => new HttpError(409, { detail })

/** A request as recorded in `mock.requests`. */
export interface RecordedRequest {
  method: string
  /** Path without the query string. */
  path: string
  query: Record<string, string | string[]>
  headers: Record<string, string | string[] | undefined>
  /** Parsed JSON or form body (raw text for other media types; undefined when empty). */
  body: unknown
  /** The spec operation that matched, if any. */
  operationId?: string
  /** Status the mock answered with (undefined while pending or when the connection was dropped). */
  status?: number
  /** Request id sent back in `x-request-id`. */
  requestId: string
  time: number
}

/** Handler registration: one file per resource group calls `on(...)` for its routes. */
export interface Registry {
  on(method: string, path: string, handler: Handler): void
}
