import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { parseTarget, targetPath } from './request-target'
import { sendJson } from './respond'
import type { Handler, RecordedRequest, Routes, TestRequest } from './types'

/** A running loopback HTTP server. */
export interface TestServer {
  /** Base URL, e.g. `http://127.0.0.1:54321` (no trailing slash). */
  url: string
  /** The ephemeral port. */
  port: number
  /** Every request received so far, in arrival order. */
  requests: RecordedRequest[]
  /** Currently open client sockets. */
  connections: Set<Socket>
  /** Replaces the handler (or routes) for later requests. */
  setHandler(handler: Handler | Routes): void
  /** Requests whose path equals `path` (query string ignored). */
  requestsTo(path: string): RecordedRequest[]
  /** Destroys every open socket and stops listening; safe to call twice. */
  close(): Promise<void>
}

const routeHandler = (routes: Routes): Handler => {
  return (req, res) => {
    const handler = routes[`${req.method} ${req.path}`] ?? routes[req.path]
    if (handler) return handler(req, res)
    sendJson(res, 404, { detail: `no test route for ${req.method} ${req.path}` })
  }
}

const toHandler = (h: Handler | Routes | undefined): Handler =>
  typeof h === 'function' ? h : routeHandler(h ?? {})

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    // A client that resets mid-upload still gets its partial body recorded.
    req.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')))
  })

/** Starts an HTTP server on 127.0.0.1 with an ephemeral port; `handler` may be one function or a route table. */
export async function startTestServer(handler?: Handler | Routes): Promise<TestServer> {
  let current = toHandler(handler)
  const requests: RecordedRequest[] = []
  const connections = new Set<Socket>()

  const handle = async (raw: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(raw)
    const url = raw.url ?? '/'
    const target = parseTarget(url)
    const recorded: RecordedRequest = {
      method: (raw.method ?? 'GET').toUpperCase(),
      url,
      path: targetPath(url, target),
      query: target.searchParams,
      headers: raw.headers,
      body,
      index: requests.length,
    }
    requests.push(recorded)
    const req: TestRequest = { ...recorded, raw, json: () => JSON.parse(body) }
    await current(req, res)
  }
  // Whatever throws (the handler, or a target no URL parser reads) answers 500, so a test sees an
  // answer instead of a request that hangs until its timeout.
  const server = createServer((raw, res) => {
    handle(raw, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { detail: `test server failed: ${String(err)}` })
      else res.destroy()
    })
  })
  server.on('connection', (socket) => {
    connections.add(socket)
    socket.once('close', () => connections.delete(socket))
  })
  // Client resets surface as clientError; answering them would only add noise.
  server.on('clientError', (_err, socket) => socket.destroy())

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  let closing: Promise<void> | undefined

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    connections,
    setHandler(h) {
      current = toHandler(h)
    },
    requestsTo(path) {
      return requests.filter((r) => r.path === path)
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const s of connections) s.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      })
      return closing
    },
  }
}
