// Browsers (and Node 22+'s global WebSocket) only accept close codes 1000 and 3000-4999 and reasons of
// at most 123 bytes, throw for anything else, and have no `terminate`. A `close()` with such a code
// or reason must still close the socket, not leave it open (and the server streaming) behind a
// handle that says `closed`.
import { startWsServer, waitFor } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { WebSocket as NodeWs } from 'ws'
import { createReconnectingWebSocket, type ReconnectingWebSocketOptions } from '../src/index'
import { track } from './helpers'

/** `ws` with a browser's close checks and no `terminate`. */
class BrowserLikeWs extends NodeWs {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols)
    Object.defineProperty(this, 'terminate', { value: undefined })
  }
  override close(code?: number, reason?: string): void {
    if (code !== undefined && code !== 1000 && !(code >= 3000 && code <= 4999))
      throw new DOMException(`The close code must be 1000 or 3000-4999, got ${code}`, 'InvalidAccessError')
    if (reason !== undefined && Buffer.byteLength(reason) > 123)
      throw new DOMException('The close reason is longer than 123 bytes', 'SyntaxError')
    super.close(code, reason)
  }
}
const browserLike = {
  WebSocket: (globalThis.WebSocket ?? BrowserLikeWs) as unknown as ReconnectingWebSocketOptions['WebSocket'],
}

describe('close() with a code or reason the WebSocket refuses', () => {
  const cases: [string, number, string][] = [
    ['code 1001', 1001, 'going away'],
    ['a reason over 123 bytes', 1000, 'x'.repeat(200)],
  ]
  for (const [name, code, reason] of cases) {
    it(`${name}: the socket is closed all the same`, async () => {
      const server = track(await startWsServer())
      const socket = createReconnectingWebSocket({ url: server.url, idleTimeoutMs: 0, ...browserLike })
      const conn = await server.nextConnection()
      await waitFor(() => socket.state === 'open')
      const closed = new Promise<number>((resolve) => conn.socket.once('close', resolve))
      socket.close(code, reason)
      await socket.done
      const outcome = await Promise.race([closed, new Promise((r) => setTimeout(r, 3000, 'still open'))])
      expect(outcome).toBe(1000)
    })
  }
})
