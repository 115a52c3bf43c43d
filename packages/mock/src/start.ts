import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { AuthService } from './auth/service'
import { EventHub, type WorkspaceEvent } from './events/event-hub'
import { checkFault } from './faults/check'
import { FaultRegistry } from './faults/registry'
import type { MockFault } from './faults/types'
import { buildRoutes } from './handlers/routes'
import { answerClientError } from './http/client-error'
import { answerConnect } from './http/connect-request'
import { PendingResponses } from './http/pending-responses'
import { handleRequest } from './http/pipeline'
import type { MockCore, RecordedRequest } from './http/types'
import { type MockPlatformOptions, resolveOptions } from './options'
import { MockWebSockets } from './realtime/ws-server'
import { simulateCall } from './simulation/calls'
import { specContext } from './spec/context'
import { Store } from './state/store'
import { addWebhookDestination, newWebhookSecret, signedWebhook } from './webhooks/destinations'
import { type WebhookDeliveryLog, WebhookDispatcher } from './webhooks/dispatcher'

/** A running mock platform. */
export interface MockPlatform {
  /** Base URL, `http://127.0.0.1:PORT` (REST, /token, /device/code, /s/{token}, SSE and WebSockets). */
  url: string
  port: number
  /** An API key of the sample workspace with every scope (use as Bearer / `apiKey`). */
  apiKey: string
  /** The sample workspace id. */
  workspaceId: string
  /** The in-memory state. */
  store: Store
  /** Every request received, in order. */
  requests: RecordedRequest[]
  /** Every webhook delivery attempted (body, attempts, outcome). */
  webhookDeliveries: WebhookDeliveryLog[]
  /** Workspace events emitted so far (bounded buffer). */
  events(): WorkspaceEvent[]
  /**
   * Approves a pending device code; `workspaces` (default: the sample one) — several ask the client
   * to choose. Throws an Error for a code that is unknown, expired or already used.
   */
  approveDeviceCode(userCode: string, opts?: { workspaces?: string[] }): void
  /** Denies a pending device code (polls answer `access_denied`); throws as `approveDeviceCode` does. */
  denyDeviceCode(userCode: string): void
  /** Expires a device code now (polls answer `expired_token`). */
  expireDeviceCode(userCode: string): void
  /** Makes an issued access token expire now (requests get 401 `token_expired`, sockets 4100). */
  expireToken(token: string): boolean
  /** Pushes a workspace event (SSE stream and webhooks). */
  emit(eventType: string, data: Record<string, unknown>, workspaceId?: string): WorkspaceEvent
  /** Arms a server-wide fault; returns a function that disarms it. `wsKill` also cuts open sockets now. */
  injectFault(fault: MockFault): () => void
  /** Disarms every server-wide fault. */
  clearFaults(): void
  /** Registers a webhook destination that receives signed deliveries at `url`; returns its id and secret. */
  addWebhookDestination(opts: { url: string; eventTypes?: string[]; secret?: string; name?: string }): {
    id: string
    secret: string
  }
  /** Resolves when no webhook delivery is in flight. */
  webhooksIdle(): Promise<void>
  /** A fresh webhook signing secret (`whsec_…`). */
  createWebhookSecret(): string
  /**
   * A delivery exactly as a destination would receive it (envelope body + signature headers), without
   * sending it anywhere: handy for trying webhook verification code.
   */
  signedWebhook(opts: { type: string; data: Record<string, unknown>; secret?: string }): Promise<{
    body: string
    headers: Record<string, string>
    secret: string
  }>
  /**
   * Starts a simulated inbound call in the service's workspace, from its first patient (one is
   * created there when it has none): `call.started` now, observer frames, `call.ended` after `durationMs`.
   * Without `serviceId` it plays the sample workspace's first service. Throws an Error when
   * `serviceId` names no service, or when none is given and the sample workspace has no service;
   * a TypeError naming `durationMs` unless it is a number from 0 to 2147483647 (the longest timer).
   */
  simulateCall(opts?: { serviceId?: string; durationMs?: number }): string
  /**
   * Stops the server, closes every connection and socket. From the moment it is called (before the
   * promise settles) the methods that act — `emit`, `simulateCall`, `injectFault`,
   * `addWebhookDestination`, `approveDeviceCode`, `denyDeviceCode`, `expireDeviceCode` and
   * `expireToken` — throw an Error ("emit: the mock platform is closed"). What reads keeps working
   * (`url`, `store`, `requests`, `events()`, `webhookDeliveries`, `webhooksIdle()`, the webhook
   * helpers), and so do `clearFaults()`, a fault's disarm function and `close()` again, which
   * resolves once the mock is closed.
   */
  close(): Promise<void>
}

/** Starts a local, stateful Amigo platform on 127.0.0.1. */
export async function startMockPlatform(options: MockPlatformOptions = {}): Promise<MockPlatform> {
  const core = buildCore(options)
  const faults = new FaultRegistry(options.faults)
  const http = createMockServer(core, faults)
  const ws = new MockWebSockets(core, faults)
  http.server.on('upgrade', (req, socket, head) => ws.upgrade(req, socket, head))
  await new Promise<void>((resolve, reject) => {
    http.server.once('error', reject)
    http.server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (http.server.address() as AddressInfo).port
  core.baseUrl = `http://127.0.0.1:${port}`
  return platformHandle(core, port, faults, http, ws)
}

/** The mock's parts and what they share; `baseUrl` is known once the server listens. */
type Core = MockCore & { baseUrl: string }

/** Spec, store, identity, event hub and webhook dispatch, wired together. */
function buildCore(options: MockPlatformOptions): Core {
  const opts = resolveOptions(options)
  const spec = specContext(options.spec)
  const store = new Store(spec, { seed: opts.seed, now: Date.now() })
  const auth = new AuthService(store, {
    tokenTtlSeconds: opts.tokenTtlSeconds,
    deviceIntervalSeconds: opts.deviceCodeIntervalSeconds,
    deviceExpiresInSeconds: opts.deviceCodeExpiresInSeconds,
  })
  const events = new EventHub(opts.eventBufferSize)
  const webhooks = new WebhookDispatcher(store, {
    maxAttempts: opts.webhookMaxAttempts,
    baseDelayMs: opts.webhookBaseDelayMs,
  })
  events.subscribe((e) => webhooks.dispatch(e))
  const core: Core = {
    spec,
    store,
    auth,
    events,
    webhooks,
    options: opts,
    baseUrl: '',
    url: () => core.baseUrl,
    emit: (type, data, workspaceId) => {
      events.emit(workspaceId ?? store.workspaceId, type, data)
    },
  }
  return core
}

/** The node:http server of the REST routes, with the requests it records and its open sockets. */
function createMockServer(core: MockCore, faults: FaultRegistry) {
  const { handlers, router } = buildRoutes(core)
  const requests: RecordedRequest[] = []
  const held = new Set<IncomingMessage>()
  let counter = 0
  const deps = {
    core,
    router,
    handlers,
    faults,
    requests,
    held,
    nextRequestId: () => `req_mock_${(++counter).toString().padStart(6, '0')}`,
  }
  const sockets = new Set<Socket>()
  const pending = new PendingResponses()
  const server = createServer((req, res) => {
    pending.track(req, res)
    handleRequest(deps, req, res).catch((e) => {
      console.error('platform-mock: request failed', e)
      if (!res.headersSent) res.writeHead(500).end()
    })
  })
  server.on('clientError', answerClientError(pending))
  server.on('connect', answerConnect(router, pending))
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  return { server, sockets, requests, held }
}

/** The handle's methods that act on the mock; each throws once close() has been called. */
type ActingMethod =
  | 'emit'
  | 'simulateCall'
  | 'injectFault'
  | 'addWebhookDestination'
  | 'approveDeviceCode'
  | 'denyDeviceCode'
  | 'expireDeviceCode'
  | 'expireToken'

/** What `startMockPlatform` hands back: the running mock and its test controls. */
function platformHandle(
  core: Core,
  port: number,
  faults: FaultRegistry,
  http: ReturnType<typeof createMockServer>,
  ws: MockWebSockets,
): MockPlatform {
  const { store, auth, events, webhooks, options } = core
  let closing: Promise<void> | undefined
  // Once close() is called nothing can see what an action would do (no stream carries an event, no
  // poll reads a device code, a simulated call's timers would outlive the server), so a closed mock
  // says so instead of doing half the work.
  const whileOpen = <K extends ActingMethod>(method: K, act: MockPlatform[K]): MockPlatform[K] => {
    const run = act as (...args: unknown[]) => unknown
    return ((...args: unknown[]) => {
      if (closing) throw new Error(`${method}: the mock platform is closed`)
      return run(...args)
    }) as MockPlatform[K]
  }
  return {
    url: core.baseUrl,
    port,
    apiKey: store.apiKey,
    workspaceId: store.workspaceId,
    store,
    requests: http.requests,
    webhookDeliveries: webhooks.log,
    events: () => events.all(),
    approveDeviceCode: whileOpen('approveDeviceCode', (userCode, o) =>
      auth.device.approve(userCode, o?.workspaces ?? [store.workspaceId]),
    ),
    denyDeviceCode: whileOpen('denyDeviceCode', (userCode) => auth.device.deny(userCode)),
    expireDeviceCode: whileOpen('expireDeviceCode', (userCode) => auth.device.expire(userCode)),
    expireToken: whileOpen('expireToken', (token) => auth.issuer.expire(token)),
    emit: whileOpen('emit', (type, data, workspaceId) =>
      events.emit(workspaceId ?? store.workspaceId, type, data),
    ),
    injectFault: whileOpen('injectFault', (fault) => {
      checkFault(fault, 'injectFault')
      if (fault.wsKill && fault.path === undefined) ws.killAll()
      // The disarm function keeps working after close(): it is cleanup, like clearFaults().
      return faults.add(fault)
    }),
    // Not guarded: clearing faults undoes, it sets nothing up, and cleanup code (an afterEach) may
    // run it after close().
    clearFaults: () => faults.clear(),
    addWebhookDestination: whileOpen('addWebhookDestination', (o) =>
      addWebhookDestination(store, o, options.webhookMaxAttempts),
    ),
    webhooksIdle: () => webhooks.idle(),
    createWebhookSecret: newWebhookSecret,
    signedWebhook,
    simulateCall: whileOpen('simulateCall', (o = {}) => simulateCall(core, o)),
    close() {
      // Every caller waits for the same closing: a second close() resolves once the mock is closed.
      closing ??= closeMock(core, http, ws)
      return closing
    },
  }
}

/** Ends every socket, stream and webhook delivery, then the server. */
async function closeMock(
  core: Core,
  http: ReturnType<typeof createMockServer>,
  ws: MockWebSockets,
): Promise<void> {
  ws.close()
  for (const req of http.held) req.socket.destroy()
  await core.webhooks.close()
  await new Promise<void>((resolve) => {
    http.server.close(() => resolve())
    for (const s of http.sockets) s.destroy()
  })
}
