import { describe, expect, it } from 'vitest'
import { managedSocketOptions } from '../src/websocket/managed-socket-options'

describe('managedSocketOptions', () => {
  it("hands on exactly the managed socket's options, as given, and none of the caller's own", () => {
    const controller = new AbortController()
    const shared = {
      webSocketFactory: () => ({}) as never,
      WebSocket: class {} as never,
      openTimeoutMs: 1,
      maxReconnects: 2,
      initialDelayMs: 3,
      maxDelayMs: 4,
      onReconnect: () => {},
      onError: () => {},
      signal: controller.signal,
    }
    const picked = managedSocketOptions({
      ...shared,
      token: 't',
      idleTimeoutMs: 5,
      onEvent: () => {},
    } as never)
    expect(picked).toStrictEqual(shared)
  })

  it('an option not given stays undefined, so the socket applies its default', () => {
    const picked = managedSocketOptions({ maxReconnects: 0 })
    expect(picked.maxReconnects).toBe(0)
    expect(Object.entries(picked).filter(([, v]) => v !== undefined)).toEqual([['maxReconnects', 0]])
  })
})
