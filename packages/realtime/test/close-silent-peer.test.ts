// `ws` waits up to 30 s for the peer's answer to a close frame, on a timer that keeps Node running:
// after close() to a silent (or vanished) server a script would hang that long although `done` has
// resolved. The socket is dropped after a one-second grace instead.
import { startWsServer, waitFor } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebSocket as NodeWs } from 'ws'
import { createReconnectingWebSocket } from '../src/index'
import { track } from './helpers'

afterEach(() => {
  vi.useRealTimers()
})

describe('close() when the server never answers the close frame', () => {
  it('drops the ws socket after a one-second grace, not after ws own 30 s', async () => {
    const server = track(await startWsServer())
    const made: NodeWs[] = []
    const socket = createReconnectingWebSocket({
      url: server.url,
      idleTimeoutMs: 0,
      webSocketFactory: (url, protocols) => {
        const ws = new NodeWs(url, protocols)
        made.push(ws)
        return ws
      },
    })
    ;(await server.nextConnection()).stopResponding()
    await waitFor(() => socket.state === 'open')
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    socket.close()
    await socket.done
    vi.advanceTimersByTime(999)
    expect(made[0]!.readyState).toBe(NodeWs.CLOSING)
    vi.advanceTimersByTime(1)
    vi.useRealTimers()
    await waitFor(() => made[0]!.readyState === NodeWs.CLOSED, 3000, 'the socket to be dropped')
  })
})
