// createTextChat's credential is its `token` option (or `getToken`): errors about it name `token`,
// not the `apiKey` of the URL helpers it shares code with.
import { isConfigurationError } from '@amigo-ai/core'
import { startWsServer, type WsConnection } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { createTextChat, type ReconnectingWebSocketError } from '../src/index'
import { caught, chatAt, track } from './helpers'

const base = { workspaceId: 'w', serviceId: 's', agentBaseUrl: 'ws://127.0.0.1:9' }

describe('createTextChat names its token', () => {
  it('a missing or blank token is refused naming token', () => {
    for (const token of [undefined, '', '  ']) {
      const error = caught(() => createTextChat({ ...base, token }))
      expect(isConfigurationError(error)).toBe(true)
      expect((error as Error).message).toMatch(/^token /)
    }
  })

  it('a getToken that returns nothing ends the chat with an error naming token', async () => {
    const errors: ReconnectingWebSocketError[] = []
    const chat = createTextChat({ ...base, getToken: () => '', onError: (e) => errors.push(e) })
    await chat.done
    expect(errors[0]?.reason).toBe('open_failed')
    expect(errors[0]?.message).toMatch(/: token is required/)
  })
})

describe('createTextChat and a 4100 close (token expired)', () => {
  it('with a fixed token ends at once with token_expired: reconnecting would send the same token', async () => {
    const server = track(await startWsServer((c: WsConnection) => c.close(4100, 'token expired')))
    const errors: ReconnectingWebSocketError[] = []
    const reconnects: unknown[] = []
    const chat = createTextChat({
      ...chatAt(server),
      idleTimeoutMs: 0,
      initialDelayMs: 1,
      maxDelayMs: 5,
      onReconnect: (info) => reconnects.push(info),
      onError: (e) => errors.push(e),
    })
    const reply = chat.send('hello').then(
      () => 'answered',
      (e: unknown) => (e as ReconnectingWebSocketError).reason,
    )
    await chat.done
    expect(errors.map((e) => e.reason)).toEqual(['token_expired'])
    expect(reconnects).toEqual([])
    expect(server.connections).toHaveLength(1)
    expect(await reply).toBe('token_expired')
  })

  it('with getToken reconnects with a fresh token', async () => {
    let connections = 0
    let second!: () => void
    const reconnected = new Promise<void>((r) => {
      second = r
    })
    const server = track(
      await startWsServer((c: WsConnection) => {
        if (++connections === 1) c.close(4100, 'token expired')
        else second()
      }),
    )
    const tokens: string[] = []
    const chat = createTextChat({
      ...chatAt(server),
      token: undefined,
      getToken: () => {
        tokens.push(`tok-${tokens.length + 1}`)
        return tokens.at(-1) as string
      },
      idleTimeoutMs: 0,
      initialDelayMs: 1,
      maxDelayMs: 5,
    })
    await reconnected
    chat.close()
    await chat.done
    expect(tokens).toEqual(['tok-1', 'tok-2'])
  })
})
