// A WebSocket upgrade answered with a redirect (a load balancer sending ws:// to https://, a moved
// endpoint, a hostile server pointing elsewhere) is never followed: the auth subprotocol would go to
// whatever host the Location names. Where the runtime reveals the status (`ws`), retrying cannot
// help either, so the loop stops at once and says why.
import { json, startTestServer, startWsServer } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { WebSocket as NodeWs } from 'ws'
import {
  createReconnectingWebSocket,
  type ReconnectingWebSocketError,
  type ReconnectingWebSocketOptions,
  type WebSocketReconnectInfo,
} from '../src/index'
import { fast, track } from './helpers'

const TOKEN = 'tok-SECRET-0123456789abcdef'
type WebSocketClass = ReconnectingWebSocketOptions['WebSocket']

/** An endpoint whose upgrade is answered with `status` to a WebSocket server on another port. */
async function redirecting(status: number) {
  const elsewhere = track(await startWsServer())
  const location = `${elsewhere.url.replace('ws:', 'http:')}/elsewhere`
  const server = track(await startTestServer({ 'GET /socket': json(status, undefined, { location }) }))
  return { url: `${server.url.replace('http:', 'ws:')}/socket`, server, elsewhere }
}

function connect(url: string, overrides: Partial<ReconnectingWebSocketOptions>) {
  const errors: ReconnectingWebSocketError[] = []
  const reconnects: WebSocketReconnectInfo[] = []
  const socket = createReconnectingWebSocket({
    url,
    protocols: ['auth', TOKEN],
    ...fast,
    onError: (e) => errors.push(e),
    onReconnect: (info) => reconnects.push(info),
    ...overrides,
  })
  return { socket, errors, reconnects }
}

describe('a redirect answering the WebSocket upgrade', () => {
  for (const status of [301, 302, 307, 308]) {
    it(`${status} is not followed and ends the loop at once (client_error) where the status is known`, async () => {
      const { url, server, elsewhere } = await redirecting(status)
      const { socket, errors, reconnects } = connect(url, {
        WebSocket: NodeWs as unknown as WebSocketClass,
      })
      await socket.done
      expect(elsewhere.connections).toHaveLength(0)
      expect(server.requests).toHaveLength(1)
      expect(reconnects).toEqual([])
      expect(errors).toHaveLength(1)
      expect(errors[0]?.reason).toBe('client_error')
      expect(errors[0]?.message).toBe(
        `The WebSocket upgrade was answered with a redirect (HTTP ${status}), which is not followed: connect to the final URL`,
      )
    })
  }

  it('is not followed either where the runtime hides the status', async () => {
    const { url, elsewhere } = await redirecting(302)
    // The runtime's own WebSocket (Node 22+) where there is one, else `ws` with the status hidden.
    class StatusHidingWs extends NodeWs {
      override emit(name: string | symbol, ...args: any[]): boolean {
        return name === 'error' ? super.emit(name, new Error('WebSocket error')) : super.emit(name, ...args)
      }
    }
    const Ctor = (globalThis.WebSocket ?? StatusHidingWs) as unknown as WebSocketClass
    const { socket, errors } = connect(url, { WebSocket: Ctor, maxReconnects: 2 })
    await socket.done
    expect(elsewhere.connections).toHaveLength(0)
    expect(errors[0]?.reason).toBe('reconnect_budget_exhausted')
  })
})
