// A caller may close the managed socket from inside any of its callbacks; after that nothing of the
// loop runs on: no socket is opened, no refresh is started, and the state stays `closed`.
import { startWsServer, type WsConnection } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { WebSocket as NodeWs } from 'ws'
import {
  createReconnectingWebSocket,
  type ReconnectingWebSocketHandle,
  type ReconnectingWebSocketState,
} from '../src/index'
import { track } from './helpers'

describe('close() from inside onStateChange', () => {
  it('on "connecting" before a reconnect: no socket is opened and the state stays closed', async () => {
    const server = track(await startWsServer())
    const states: ReconnectingWebSocketState[] = []
    let made = 0
    let handle: ReconnectingWebSocketHandle | undefined
    handle = createReconnectingWebSocket({
      url: server.url,
      idleTimeoutMs: 0,
      initialDelayMs: 1,
      maxDelayMs: 1,
      webSocketFactory: (url, protocols) => {
        made++
        return new NodeWs(url, protocols)
      },
      onStateChange: (state) => {
        states.push(state)
        if (state === 'connecting') handle?.close()
      },
    })
    ;(await server.nextConnection()).kill()
    await handle.done
    expect(made).toBe(1)
    expect(states).toEqual(['open', 'reconnecting', 'connecting', 'closing', 'closed'])
    expect(handle.state).toBe('closed')
  })

  it('on "reconnecting" after a 4100: onTokenExpired is not called', async () => {
    const server = track(await startWsServer((c: WsConnection) => c.close(4100, 'token expired')))
    let refreshes = 0
    let handle: ReconnectingWebSocketHandle | undefined
    handle = createReconnectingWebSocket({
      url: server.url,
      idleTimeoutMs: 0,
      getProtocols: () => ['auth', 'token'],
      onTokenExpired: () => {
        refreshes++
      },
      onStateChange: (state) => {
        if (state === 'reconnecting') handle?.close()
      },
    })
    await handle.done
    expect(refreshes).toBe(0)
    expect(server.connections).toHaveLength(1)
    expect(handle.state).toBe('closed')
  })
})
