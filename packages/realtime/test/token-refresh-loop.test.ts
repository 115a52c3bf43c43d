// A server that answers every connection with 4100 (token expired), however fresh the token, must
// not get a reconnect storm: only the first refresh in a row reconnects at once, later ones back off.
import { startWsServer, type WsConnection } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { createReconnectingWebSocket, type WebSocketReconnectInfo } from '../src/index'
import { track } from './helpers'

describe('4100 in a loop', () => {
  it('the first refresh reconnects at once, the next ones wait out the backoff', async () => {
    const server = track(await startWsServer((c: WsConnection) => c.close(4100, 'token expired')))
    const reconnects: WebSocketReconnectInfo[] = []
    let refreshes = 0
    const socket = createReconnectingWebSocket({
      url: server.url,
      getProtocols: () => ['auth', `token-${refreshes}`],
      onTokenExpired: () => {
        refreshes++
      },
      onReconnect: (info) => reconnects.push(info),
      idleTimeoutMs: 0,
      initialDelayMs: 20,
      maxDelayMs: 40,
      maxReconnects: 3,
      random: () => 0.5,
    })
    await socket.done
    expect(reconnects.map((r) => r.reason)).toEqual(['token_refreshed', 'token_refreshed', 'token_refreshed'])
    expect(reconnects.map((r) => r.delayMs)).toEqual([0, 20, 20])
    expect(refreshes).toBe(4)
  })
})
