// A server (or a proxy in front of it) may echo what the client sent into its close reason: "bad
// token <the subprotocol header>". The reason reaches the caller as the error's message and
// `closeReason`, so the connection's secrets are taken out of it first.
import type { AddressInfo } from 'node:net'
import { inspect } from 'node:util'
import { startWsServer, type WsConnection } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { WebSocket as NodeWs, WebSocketServer } from 'ws'
import { createReconnectingWebSocket, createTextChat, type ReconnectingWebSocketError } from '../src/index'
import { chatAt, fast, track } from './helpers'

const TOKEN = 'tok-SECRET-0123456789abcdef'
const QUERY_TOKEN = 'qtok-SECRET-9876543210'

/** Closes every connection with `code` and a reason quoting the request's URL and subprotocols. */
const echoingServer = (code: number) =>
  startWsServer((c: WsConnection) =>
    c.close(code, `rejected ${c.request.url} ${c.request.headers['sec-websocket-protocol']}`),
  )

const printed = (error: ReconnectingWebSocketError | undefined) =>
  `${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}\n${error?.message}\n${error?.closeReason}`

/** Connects once (no reconnect) to `url` and resolves with the terminal error `onError` got, if any. */
async function firstError(
  url: string,
  protocols?: string[],
): Promise<ReconnectingWebSocketError | undefined> {
  const errors: ReconnectingWebSocketError[] = []
  const socket = createReconnectingWebSocket({
    url,
    protocols,
    ...fast,
    maxReconnects: 0,
    onError: (e) => errors.push(e),
  })
  await socket.done
  expect(errors.length).toBeLessThanOrEqual(1)
  return errors[0]
}

describe('a close reason that echoes the credentials', () => {
  for (const [code, reason] of [
    [4003, 'client_error'],
    [1011, 'reconnect_budget_exhausted'],
  ] as const) {
    it(`${code} (${reason}): neither the auth subprotocol nor the query token reaches the error`, async () => {
      const server = track(await echoingServer(code))
      const error = await firstError(`${server.url}/x?token=${QUERY_TOKEN}`, ['auth', TOKEN])
      expect(error).toMatchObject({ reason, closeCode: code })
      expect(error?.closeReason).toMatch(/^rejected .*\[REDACTED\]/)
      expect(printed(error)).not.toContain(TOKEN)
      expect(printed(error)).not.toContain(QUERY_TOKEN)
    })
  }

  // The platform's keys may hold `/ + = :`, which the URL carries percent-encoded; a server echoing
  // the raw query quotes that form.
  it('a query token that travels percent-encoded is scrubbed in that form too', async () => {
    const token = 'qtok/SECRET+98765=43:210'
    const encoded = encodeURIComponent(token)
    const server = track(
      await startWsServer((c) => c.close(4003, `bad query ${c.request.url?.split('?')[1]}`)),
    )
    const error = await firstError(`${server.url}/x?token=${encoded}`)
    expect(error?.closeReason).toBe('bad query token=[REDACTED]')
    expect(printed(error)).not.toContain(encoded)
  })

  it('createTextChat: the token is not in the error onError gets', async () => {
    const server = track(await echoingServer(4403))
    const errors: ReconnectingWebSocketError[] = []
    const chat = createTextChat({ ...chatAt(server), token: TOKEN, ...fast, onError: (e) => errors.push(e) })
    await chat.done
    const error = errors[0] as ReconnectingWebSocketError
    expect(error.reason).toBe('auth')
    expect(error.closeReason).toContain('[REDACTED]')
    expect(printed(error)).not.toContain(TOKEN)
  })
})

// A close reason holds at most 123 bytes: a server quoting the URL near that limit cuts it, token
// and all, and the start of the token that is left must not reach the caller either.
describe('a close reason cut partway through a secret', () => {
  it('the cut-off start of the query token is taken out', async () => {
    const server = track(
      await startWsServer((c) => {
        const reason = `refused ${c.request.url}`
        c.close(4003, reason.slice(0, reason.indexOf(QUERY_TOKEN) + 9))
      }),
    )
    const error = await firstError(`${server.url}/x?token=${QUERY_TOKEN}`)
    expect(error?.closeReason).toBe('refused /x?token=[REDACTED]')
    expect(printed(error)).not.toContain(QUERY_TOKEN.slice(0, 9))
  })

  it('the cut-off start of the subprotocol token is taken out; an ordinary ending is kept', async () => {
    // The reason quotes the offered subprotocols cut after the token's first 7 characters (written
    // here rather than sliced from the header, whose separator differs between runtimes).
    const server = track(
      await startWsServer((c) =>
        c.close(
          4003,
          c.request.url === '/cut' ? `bad protocols auth ${TOKEN.slice(0, 7)}` : 'bad protocols auth',
        ),
      ),
    )
    const reasons: (string | undefined)[] = []
    for (const path of ['/cut', '/whole'])
      reasons.push((await firstError(`${server.url}${path}`, ['auth', TOKEN]))?.closeReason)
    // `tok-SEC` is the start of the token; `auth` alone is not a secret.
    expect(reasons).toEqual(['bad protocols auth [REDACTED]', 'bad protocols auth'])
  })
})

// The subprotocol a server selects reaches the caller too, in onOpen's `protocol`: a server (or a
// proxy) that selects the last one offered picks the token of `auth, <token>`.
describe('the subprotocol a server selects', () => {
  async function selectingServer(select: (offered: Set<string>) => string) {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: select })
    wss.on('connection', (socket) => socket.close(1000))
    await new Promise((resolve) => wss.once('listening', resolve))
    track({ close: () => new Promise<void>((resolve) => wss.close(() => resolve())) })
    return `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`
  }

  async function openedWith(url: string, protocols: string[]) {
    const opens: { attempt: number; protocol: string }[] = []
    const socket = createReconnectingWebSocket({
      url,
      protocols,
      WebSocket: NodeWs,
      ...fast,
      onOpen: (info) => opens.push(info),
    })
    await socket.done
    return opens
  }

  it('is redacted in onOpen when it is the token', async () => {
    const url = await selectingServer((offered) => [...offered].at(-1) as string)
    const opens = await openedWith(url, ['auth', TOKEN])
    expect(opens).toEqual([{ attempt: 0, protocol: '[REDACTED]' }])
  })

  it('is passed on as it is otherwise', async () => {
    const url = await selectingServer((offered) => [...offered][0] as string)
    expect(await openedWith(url, ['auth', TOKEN])).toEqual([{ attempt: 0, protocol: 'auth' }])
  })
})
