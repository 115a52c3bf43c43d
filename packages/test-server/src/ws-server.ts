import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { type RawData, WebSocket, WebSocketServer } from 'ws'

/** Test-side control over one accepted WebSocket connection. */
export interface WsConnection {
  /** The server-side socket. */
  socket: WebSocket
  /** The HTTP upgrade request (headers, url with query). */
  request: IncomingMessage
  /** Every message received, text frames as strings and binary frames as Buffers. */
  messages: (string | Buffer)[]
  /** Sends a text frame (objects are JSON-encoded). */
  send(data: unknown): void
  /** Closes cleanly with a code and reason. */
  close(code?: number, reason?: string): void
  /** Kills the TCP connection without a close frame (abnormal closure, 1006 on the client). */
  kill(): void
  /** Stops reading from the socket: no messages, no pongs; the peer sees a silent connection. */
  stopResponding(): void
  /** Resolves with the next message received (or rejects after `timeoutMs`). */
  nextMessage(timeoutMs?: number): Promise<string | Buffer>
}

/** A running loopback WebSocket server. */
export interface TestWsServer {
  /** `ws://127.0.0.1:<port>` (no trailing slash). */
  url: string
  port: number
  /** Accepted connections, in order. */
  connections: WsConnection[]
  /** Resolves with the next connection accepted (or rejects after `timeoutMs`). */
  nextConnection(timeoutMs?: number): Promise<WsConnection>
  /** Terminates every connection and stops listening. */
  close(): Promise<void>
}

/** Options for {@link startWsServer}. */
export interface WsServerOptions {
  /** Called for every accepted connection (after it is recorded). */
  onConnection?: (conn: WsConnection) => void
  /** Decides the upgrade: return an HTTP status to refuse it (e.g. 401), or nothing to accept. */
  verify?: (req: IncomingMessage) => number | undefined
}

const decode = (data: RawData, isBinary: boolean): string | Buffer => {
  const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
  return isBinary ? buf : buf.toString('utf8')
}

const waitFor = <T>(list: T[], waiters: ((v: T) => void)[], timeoutMs: number, what: string) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      waiters.splice(waiters.indexOf(onValue), 1)
      reject(new Error(`timed out after ${timeoutMs}ms waiting for ${what} (${list.length} so far)`))
    }, timeoutMs)
    const onValue = (v: T) => {
      clearTimeout(timer)
      resolve(v)
    }
    waiters.push(onValue)
  })

function control(socket: WebSocket, request: IncomingMessage): WsConnection {
  const messages: (string | Buffer)[] = []
  const waiters: ((m: string | Buffer) => void)[] = []
  socket.on('message', (data, isBinary) => {
    const m = decode(data, isBinary)
    messages.push(m)
    waiters.shift()?.(m)
  })
  socket.on('error', () => {})
  return {
    socket,
    request,
    messages,
    send(data) {
      if (socket.readyState === WebSocket.OPEN)
        socket.send(typeof data === 'string' ? data : JSON.stringify(data))
    },
    close(code = 1000, reason = '') {
      socket.close(code, reason)
    },
    kill() {
      socket.terminate()
    },
    stopResponding() {
      socket.pause()
    },
    nextMessage(timeoutMs = 2000) {
      return waitFor(messages, waiters, timeoutMs, 'a message')
    },
  }
}

/** Starts a WebSocket server (the `ws` package) on 127.0.0.1 with an ephemeral port. */
export async function startWsServer(
  opts: WsServerOptions | ((conn: WsConnection) => void) = {},
): Promise<TestWsServer> {
  const options = typeof opts === 'function' ? { onConnection: opts } : opts
  const connections: WsConnection[] = []
  const waiters: ((c: WsConnection) => void)[] = []
  const sockets = new Set<Socket>()
  const http = createServer((_req, res) => {
    res.writeHead(426).end()
  })
  http.on('connection', (s) => {
    sockets.add(s)
    s.once('close', () => sockets.delete(s))
  })
  const wss = new WebSocketServer({ noServer: true })
  http.on('upgrade', (req, socket, head) => {
    const refuse = options.verify?.(req)
    if (refuse) {
      socket.end(`HTTP/1.1 ${refuse} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = control(ws, req)
      connections.push(conn)
      options.onConnection?.(conn)
      waiters.shift()?.(conn)
    })
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = http.address() as AddressInfo
  let closing: Promise<void> | undefined
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    connections,
    nextConnection(timeoutMs = 2000) {
      return waitFor(connections, waiters, timeoutMs, 'a connection')
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate()
        for (const s of sockets) s.destroy()
        wss.close()
        http.closeAllConnections()
        http.close(() => resolve())
      })
      return closing
    },
  }
}

/**
 * Opens a client socket with the `ws` package, for tests that hand the SDK a `webSocketFactory` (Node
 * 20 has no global WebSocket).
 */
export function openWsClient(url: string, protocols?: string | string[]): WebSocket {
  return new WebSocket(url, protocols)
}
