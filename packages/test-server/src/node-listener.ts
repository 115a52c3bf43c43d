import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseTarget } from './request-target'

/** A running loopback server for a raw listener. */
export interface Served {
  url: string
  close(): Promise<void>
}

// startTestServer buffers each body as UTF-8 text before calling its handler; code under test that
// must read the raw bytes itself (webhook receivers, framework adapters) gets the untouched stream here.

/** Serves a node:http listener on 127.0.0.1 (ephemeral port); a throwing listener gets a 500. */
export async function serveNode(listener: RequestListener): Promise<Served> {
  const server = createServer((req, res) => {
    // The executor also catches a listener that throws before it returns a promise.
    new Promise<void>((resolve) => resolve(listener(req, res))).catch(() => {
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Serves a fetch-style handler (Request → Response) over node:http, as Next.js, Hono and Workers call it. */
export function serveFetch(handler: (request: Request) => Response | Promise<Response>): Promise<Served> {
  return serveNode(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers))
      for (const v of ([] as string[]).concat(value ?? [])) headers.append(name, v)
    const request = new Request(parseTarget(req.url ?? '/'), {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
    })
    const response = await handler(request)
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  })
}
