import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'

/**
 * The responses each socket is still writing (pipelined requests share one socket), and what waits
 * for them: bytes written to the socket meanwhile would land inside one of them.
 */
export class PendingResponses {
  private readonly count = new WeakMap<Duplex, number>()
  private readonly idle = new WeakMap<Duplex, () => void>()
  private readonly latest = new WeakMap<Duplex, IncomingMessage>()

  /** Counts `res` as in progress on its request's socket until it closes. */
  track(req: IncomingMessage, res: ServerResponse): void {
    const socket = req.socket
    this.latest.set(socket, req)
    this.count.set(socket, (this.count.get(socket) ?? 0) + 1)
    res.once('close', () => {
      const left = (this.count.get(socket) ?? 1) - 1
      this.count.set(socket, left)
      const then = left === 0 ? this.idle.get(socket) : undefined
      if (!then) return
      this.idle.delete(socket)
      then()
    })
  }

  /**
   * The request whose body the parser of `socket` is inside, if any. The parser reads a connection's
   * requests one after the other, so only the latest one can be incomplete.
   */
  inBody(socket: Duplex): IncomingMessage | undefined {
    const req = this.latest.get(socket)
    return req && !req.complete ? req : undefined
  }

  /** Runs `then` once `socket` has written every response in progress (now, when there is none). */
  whenIdle(socket: Duplex, then: () => void): void {
    if ((this.count.get(socket) ?? 0) === 0) then()
    else this.idle.set(socket, then)
  }

  /**
   * Writes `answer` (a whole raw HTTP response) once the responses before it on `socket` are written,
   * then closes the connection.
   */
  endWith(socket: Duplex, answer: string): void {
    this.whenIdle(socket, () => {
      if (socket.writable) socket.end(answer, () => socket.destroy())
      else socket.destroy()
    })
  }
}
