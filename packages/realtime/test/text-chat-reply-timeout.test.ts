// A text chat whose server stays connected but never answers a message: `replyTimeoutMs` of silence
// while a turn waits counts as a lost connection (the socket is replaced and the turn fails), while
// a chat that is quiet between turns keeps its connection.
import { isConfigurationError } from '@amigo-ai/core'
import { startWsServer, type WsConnection, waitFor } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { WebSocket as NodeWs } from 'ws'
import {
  createTextChat,
  type TextChat,
  type TextChatOptions,
  type WebSocketReconnectInfo,
} from '../src/index'
import { caught, chatAt, fast, track } from './helpers'

const withWs = { WebSocket: NodeWs as unknown as TextChatOptions['WebSocket'] }

/** Answers every user message at once with `echo: <text>`. */
const echo = (conn: WsConnection) =>
  conn.socket.on('message', (raw) => {
    const { text } = JSON.parse(String(raw)) as { text: string }
    conn.send({ type: 'message', text: `echo: ${text}` })
    conn.send({ type: 'done' })
  })

/** What `promise` settles to, or `'pending'` when it has not settled within `ms`. */
const within = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.catch((e: unknown) => e), new Promise((r) => setTimeout(r, ms, 'pending'))])

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A chat on `server` (pinned to `ws`) that records its reconnects. */
function chatOn(server: { url: string }, options: Partial<TextChatOptions>) {
  const reconnects: WebSocketReconnectInfo[] = []
  const chat = createTextChat({
    ...chatAt(server),
    ...withWs,
    ...fast,
    onReconnect: (info) => reconnects.push(info),
    ...options,
  })
  return { chat, reconnects }
}

async function closeChat(chat: TextChat) {
  chat.close()
  await chat.done
}

describe('createTextChat: replyTimeoutMs', () => {
  it('fails a turn the server never answers within about replyTimeoutMs, then reconnects', async () => {
    let connections = 0
    // The first connection takes the message and says nothing; the next one answers.
    const server = track(await startWsServer((conn) => (connections++ === 0 ? undefined : echo(conn))))
    // Long enough for a loaded machine's echo round trip on the second connection.
    const replyTimeoutMs = 500
    const { chat, reconnects } = chatOn(server, { replyTimeoutMs })
    await waitFor(() => chat.state === 'open')
    const started = Date.now()
    const outcome = await within(chat.send('anyone there?'), replyTimeoutMs + 2000)
    const elapsed = Date.now() - started
    expect(outcome).toMatchObject({
      name: 'ReconnectingWebSocketError',
      message: 'The connection dropped before the reply arrived',
    })
    expect(elapsed).toBeGreaterThanOrEqual(replyTimeoutMs - 5)
    expect(elapsed).toBeLessThan(replyTimeoutMs + 1000)
    expect(reconnects).toMatchObject([{ attempt: 1, reason: 'idle_watchdog', closeCode: undefined }])
    // The silent socket is dropped, so a late reply on it cannot reach a later turn.
    const first = server.connections[0]!
    await waitFor(() => first.socket.readyState === NodeWs.CLOSED, 3000, 'the silent socket to be dropped')
    expect(await within(chat.send('hello again'), 2000)).toEqual({ text: 'echo: hello again' })
    expect(server.connections.map((c) => c.messages.length)).toEqual([1, 1])
    await closeChat(chat)
  })

  it('keeps a chat that is quiet between turns on the same connection', async () => {
    const server = track(await startWsServer(echo))
    // Long enough for a loaded machine's echo round trip.
    const replyTimeoutMs = 500
    const { chat, reconnects } = chatOn(server, { replyTimeoutMs })
    await waitFor(() => chat.state === 'open')
    await sleep(replyTimeoutMs * 2) // quiet before the first message
    expect((await chat.send('one')).text).toBe('echo: one')
    await sleep(replyTimeoutMs * 2) // quiet after a reply
    expect((await chat.send('two')).text).toBe('echo: two')
    expect(reconnects).toEqual([])
    expect(server.connections).toHaveLength(1)
    expect(chat.state).toBe('open')
    await closeChat(chat)
  })

  it('lets a reply stream for longer than replyTimeoutMs while its frames keep coming', async () => {
    // Gaps well under replyTimeoutMs even on a loaded machine; the eight of them add up to more.
    const tokenEveryMs = 100
    const server = track(
      await startWsServer((conn) =>
        conn.socket.on('message', async () => {
          for (const piece of ['slow', ' and', ' steady', ' wins', ' the', ' race', ' in', ' the end']) {
            await sleep(tokenEveryMs)
            conn.send({ type: 'token', text: piece })
          }
          conn.send({ type: 'done' })
        }),
      ),
    )
    const replyTimeoutMs = 500
    const { chat, reconnects } = chatOn(server, { replyTimeoutMs })
    const started = Date.now()
    const reply = await within(chat.send('go'), 5000)
    expect(reply).toEqual({ text: 'slow and steady wins the race in the end' })
    // The whole reply took longer than the limit; no gap between its frames did.
    expect(Date.now() - started).toBeGreaterThan(replyTimeoutMs)
    expect(reconnects).toEqual([])
    expect(server.connections).toHaveLength(1)
    await closeChat(chat)
  })

  it('replyTimeoutMs: 0 waits for a late reply', async () => {
    const server = track(await startWsServer())
    const { chat, reconnects } = chatOn(server, { replyTimeoutMs: 0 })
    const reply = chat.send('take your time')
    const conn = await server.nextConnection()
    await conn.nextMessage()
    expect(await within(reply, 400)).toBe('pending')
    conn.send({ type: 'message', text: 'here at last' })
    expect(await within(reply, 2000)).toEqual({ text: 'here at last' })
    expect(reconnects).toEqual([])
    await closeChat(chat)
  })

  it.each([-1, Number.NaN, '5', Number.POSITIVE_INFINITY])(
    'refuses replyTimeoutMs %s, naming it',
    (value) => {
      const error = caught(() =>
        createTextChat({ workspaceId: 'w', serviceId: 's', token: 'key_1', replyTimeoutMs: value as never }),
      )
      expect(isConfigurationError(error)).toBe(true)
      expect((error as Error).message).toMatch(/^replyTimeoutMs must be a number of milliseconds/)
    },
  )
})
