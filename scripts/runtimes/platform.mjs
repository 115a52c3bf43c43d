// The local platform for one runtime check: a fresh @amigo-ai/platform-mock (imported from the
// installed tarball) plus a small HTTP server on 127.0.0.1 that
//   - drives workspace events deterministically (the control routes below), and
//   - serves a page and its bundle and forwards every other path to the mock, so a browser page
//     talks to one origin (no CORS needed).
// Event handshake, so no check depends on timing: the client subscribes, POSTs /control/begin
// (we emit a warm-up event every 100 ms), and once it has seen a warm-up it POSTs /control/ready
// (we stop warming up and emit the EVENTS below, in order). The client then expects exactly those.
import { createServer, request } from 'node:http'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { needs } from './checks.mjs'

/** The events every runtime must receive, in this order (types and fields from the spec's catalogue). */
export const EVENTS = [
  ['call.started', { call_sid: 'CA-runtime-1', direction: 'inbound', service_id: 'svc-runtime' }],
  ['operator.status_changed', { operator_id: 'op-runtime', status: 'available' }],
  [
    'call.ended',
    { call_sid: 'CA-runtime-1', completion_reason: 'completed', direction: 'inbound', duration_seconds: 42 },
  ],
]

/** The event type used for warm-up frames (clients ignore these apart from noticing one). */
export const WARMUP_TYPE = 'pipeline.sync_completed'

/** Loads the mock module from an installed app. */
export async function loadMock(app) {
  return import(pathToFileURL(join(app, 'node_modules/@amigo-ai/platform-mock/dist/index.js')).href)
}

/** The control routes that drive the mock's events (the handshake above) and a stop for the warm-up. */
function eventControl(mock) {
  let warmup
  let warmups = 0
  const stop = () => clearInterval(warmup)
  const routes = {
    '/control/begin': () => {
      stop()
      warmup = setInterval(() => {
        warmups++
        mock.emit(WARMUP_TYPE, { data_source_id: 'ds-warmup', duration_ms: 1, event_count: warmups })
      }, 100)
      return { ok: true }
    },
    '/control/ready': () => {
      stop()
      for (const [type, data] of EVENTS) mock.emit(type, data)
      return { ok: true, sent: EVENTS.map(([type]) => type) }
    },
  }
  return { routes, stop }
}

/** Answers with a control route's JSON result, or 500 with its error. */
function answerControl(route, res) {
  let status = 200
  let body
  try {
    body = route()
  } catch (err) {
    // e.g. a mock without emit(): the runtime reports this instead of waiting for events.
    status = 500
    body = { error: String(err?.message ?? err) }
  }
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

/** Forwards a request to the mock at `target`, streaming both ways (SSE must not be buffered). */
function forward(target, req, res) {
  const upstream = request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
    (up) => {
      res.writeHead(up.statusCode, up.headers)
      res.flushHeaders()
      up.pipe(res)
    },
  )
  upstream.on('error', () => res.destroy())
  res.on('close', () => upstream.destroy())
  req.pipe(upstream)
}

/**
 * Starts a mock (unless `mockModule` is null) and the control/proxy server. `files` (mutable, also
 * returned) maps paths to `[content-type, body]` served as they are.
 */
export async function startPlatform(mockModule, files = {}) {
  const mock = mockModule
    ? await mockModule.startMockPlatform({ port: 0, seed: 1, latencyMs: 0, faults: [] })
    : null
  const control = mock ? eventControl(mock) : { routes: {}, stop: () => {} }
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname
    if (control.routes[path]) answerControl(control.routes[path], res)
    else if (files[path]) {
      res.writeHead(200, { 'content-type': files[path][0], 'cache-control': 'no-store' })
      res.end(files[path][1])
    } else if (mock) forward(new URL(mock.url), req, res)
    else res.writeHead(404).end()
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${server.address().port}`
  return {
    mock,
    origin,
    files,
    /** Environment handed to a runtime's scenario. */
    env: mock
      ? {
          AMIGO_BASE_URL: mock.url,
          AMIGO_API_KEY: mock.apiKey,
          AMIGO_WORKSPACE_ID: mock.workspaceId,
          RUNTIME_CONTROL_URL: origin,
        }
      : {},
    async close() {
      control.stop()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await mock?.close()
    },
  }
}

const needsMock = (check) => needs[check].some(([pkg]) => pkg === '@amigo-ai/platform-mock')

/**
 * Starts the server for `checks`, with a mock only if one of them needs it. If the mock does not
 * start, the server runs without it: `{ platform, runnable, failed }` then lists the checks that
 * needed it as failed (with the reason) and lets the others run.
 */
export async function platformFor(app, checks, files = {}) {
  let platform
  let error
  if (checks.some(needsMock)) {
    try {
      platform = await startPlatform(await loadMock(app), files)
    } catch (err) {
      error = err
    }
  }
  platform ??= await startPlatform(null, files)
  const reason =
    error &&
    `the local platform did not start: ${String(error.stack ?? error)
      .split('\n')
      .slice(0, 3)
      .join('\n')}`
  return {
    platform,
    runnable: error ? checks.filter((c) => !needsMock(c)) : checks,
    failed: error ? checks.filter(needsMock).map((check) => ({ check, ok: false, detail: reason })) : [],
  }
}
