import { createServer, type Socket } from 'node:net'

/** A loopback TCP server that accepts connections and never says a word. */
export interface SilentServer {
  /** `ws://127.0.0.1:<port>`: a WebSocket handshake sent here is never answered. */
  readonly url: string
  /** Connections accepted so far. */
  readonly accepted: number
  /** Drops every connection and stops listening. */
  close(): Promise<void>
}

/**
 * Starts a server that accepts TCP connections and never answers them: a peer stuck before the
 * HTTP or WebSocket handshake, which only a client-side timeout can get out of.
 */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets: Socket[] = []
  const tcp = createServer((s) => sockets.push(s))
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve))
  const { port } = tcp.address() as { port: number }
  return {
    url: `ws://127.0.0.1:${port}`,
    get accepted() {
      return sockets.length
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        tcp.close(() => resolve())
      }),
  }
}
