import { inspect } from 'node:util'
import { isConfigurationError } from '@amigo-ai/core'
import { describe, expect, it } from 'vitest'
import {
  createReconnectingWebSocket,
  createTextChat,
  observeCall,
  type ReconnectingWebSocketError,
  type ReconnectingWebSocketOptions,
} from '../src/index'
import { caught } from './helpers'

const TOKEN = 'tok-SECRET-0123456789abcdef'

describe('createReconnectingWebSocket: options of the wrong type fail at creation, naming the option', () => {
  const base = { url: 'ws://127.0.0.1:9/x' }
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['a numeric url', { url: 5 }, /url must be a string or a function returning one, got a number/],
    ['a missing url', { url: undefined }, /url must be a string or a function/],
    ['NaN idleTimeoutMs', { idleTimeoutMs: Number.NaN }, /idleTimeoutMs must be a number of milliseconds/],
    // Past 2^31-1 ms a timer fires at once: the watchdog would replace every socket immediately.
    ['overflowing idleTimeoutMs', { idleTimeoutMs: 1e12 }, /idleTimeoutMs .* from 0 to 2147483647/],
    ['negative openTimeoutMs', { openTimeoutMs: -1 }, /openTimeoutMs must be a number of milliseconds/],
    ['negative initialDelayMs', { initialDelayMs: -1 }, /initialDelayMs must be/],
    ['string maxDelayMs', { maxDelayMs: '5' }, /maxDelayMs must be/],
    ['negative maxReconnects', { maxReconnects: -1 }, /maxReconnects must be a whole number >= 0/],
    ['fractional maxReconnects', { maxReconnects: 1.5 }, /maxReconnects must be a whole number/],
    ['numeric protocols', { protocols: 5 }, /protocols must be a string or an array of strings/],
    ['a non-function onMessage', { onMessage: 'x' }, /onMessage must be a function, got a string/],
    ['a non-class WebSocket', { WebSocket: {} }, /WebSocket must be a function, got an object/],
    ['a string signal', { signal: 'x' }, /signal must be an AbortSignal, got a string/],
  ]
  for (const [name, options, message] of cases) {
    it(name, () => {
      const error = caught(() =>
        createReconnectingWebSocket({ ...base, ...options } as ReconnectingWebSocketOptions),
      )
      expect(isConfigurationError(error)).toBe(true)
      expect((error as Error).message).toMatch(message)
    })
  }

  it('null options', () => {
    expect(() => createReconnectingWebSocket(null as never)).toThrow(/WebSocket options must be an object/)
  })

  it('observeCall and createTextChat pass the same checks through', () => {
    const callSid = `CA${'a'.repeat(32)}`
    expect(() =>
      observeCall({ workspaceId: 'ws-1', callSid, token: TOKEN, onEvent: () => {}, maxReconnects: -2 }),
    ).toThrow(/maxReconnects must be a whole number/)
    expect(() =>
      createTextChat({ workspaceId: 'ws-1', serviceId: 's', token: TOKEN, idleTimeoutMs: Number.NaN }),
    ).toThrow(/idleTimeoutMs must be/)
  })
})

describe('observeCall and createTextChat: callbacks of their own that are not functions', () => {
  const callSid = `CA${'a'.repeat(32)}`
  // A port nothing listens on: a chat that wrongly starts connects nowhere.
  const socket = { workspaceId: 'ws-1', token: TOKEN, agentBaseUrl: 'http://127.0.0.1:9' }
  const base = { ...socket, serviceId: 's' }
  const cases: [string, () => unknown, string][] = [
    [
      'observeCall onOpen',
      () => observeCall({ ...socket, callSid, onEvent: () => {}, onOpen: 'x' as never }),
      'onOpen must be a function, got a string',
    ],
    [
      'createTextChat onDelta',
      () => createTextChat({ ...base, onDelta: {} as never }),
      'onDelta must be a function, got an object',
    ],
    [
      'createTextChat onEvent',
      () => createTextChat({ ...base, onEvent: 1 as never }),
      'onEvent must be a function, got a number',
    ],
    [
      'createTextChat onError',
      () => createTextChat({ ...base, onError: 'x' as never }),
      'onError must be a function, got a string',
    ],
    [
      'createTextChat onReconnect',
      () => createTextChat({ ...base, onReconnect: [] as never }),
      'onReconnect must be a function, got an array',
    ],
  ]
  for (const [name, make, message] of cases) {
    it(`${name} fails at creation, naming it`, () => {
      const error = caught(make)
      expect(isConfigurationError(error)).toBe(true)
      expect((error as Error).message).toBe(message)
    })
  }
})

describe('a socket that cannot be created', () => {
  it("reports open_failed without the URL's query token or the auth subprotocol in the error or its cause", async () => {
    // Real runtimes quote the URL (ws: "Invalid URL: …") or the protocols in this error.
    class Refusing {
      constructor(url: string, protocols?: string | string[]) {
        throw new SyntaxError(`cannot open ${url} with ${String(protocols)}`)
      }
    }
    const errors: ReconnectingWebSocketError[] = []
    const socket = createReconnectingWebSocket({
      url: () => `ws://127.0.0.1:9/x?token=${TOKEN}`,
      protocols: ['auth', `${TOKEN}-proto`],
      WebSocket: Refusing as never,
      onError: (e) => errors.push(e),
    })
    await socket.done
    expect(errors[0]?.reason).toBe('open_failed')
    const printed = `${inspect(errors[0], { depth: 10 })}\n${JSON.stringify(errors[0])}`
    expect(printed).not.toContain(TOKEN)
    const cause = errors[0]?.cause as Error
    expect(cause.message).toContain('[REDACTED]')
    expect(cause.name).toBe('SyntaxError')
  })
})
