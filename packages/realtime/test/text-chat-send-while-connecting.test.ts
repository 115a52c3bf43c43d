// A message sent while the chat is still connecting waits for the socket to open, also when the first
// connection attempt fails and a reconnect opens it, or when the server closes the socket the moment
// it opens (its close frame is in before the send, its close event after).
import { startWsServer, type WsConnection } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { WebSocket as NodeWs } from 'ws'
import { createTextChat, type TextChatOptions } from '../src/index'
import { chatAt, track } from './helpers'

const echo = (conn: WsConnection) =>
  conn.socket.on('message', (raw) => {
    const { text } = JSON.parse(String(raw)) as { text: string }
    conn.send({ type: 'message', text: `echo: ${text}` })
  })

describe('createTextChat: send before the first open', () => {
  it('is sent once a reconnect opens the socket, when the first attempt was refused', async () => {
    let upgrades = 0
    const server = track(
      await startWsServer({ verify: () => (upgrades++ === 0 ? 503 : undefined), onConnection: echo }),
    )
    const reconnects: number[] = []
    const chat = createTextChat({
      ...chatAt(server),
      initialDelayMs: 1,
      maxDelayMs: 5,
      onReconnect: (info) => reconnects.push(info.attempt),
    })
    const reply = chat.send('hello')
    const outcome = await Promise.race([reply, new Promise((r) => setTimeout(r, 5000, 'no reply'))])
    expect(reconnects).toEqual([1])
    expect(outcome).toEqual({ text: 'echo: hello' })
    chat.close()
    await chat.done
  })

  it('rejects with the terminal error when the chat ends before it opens (not with not_open)', async () => {
    const server = track(await startWsServer({ verify: () => 401 }))
    const errors: unknown[] = []
    const chat = createTextChat({
      ...chatAt(server),
      WebSocket: NodeWs as unknown as TextChatOptions['WebSocket'],
      onError: (e) => errors.push(e),
    })
    const failure = await chat.send('hello').catch((e: unknown) => e)
    expect(errors).toHaveLength(1)
    expect(failure).toBe(errors[0])
    expect(failure).toMatchObject({ reason: 'auth' })
  })
})

const withWs = { WebSocket: NodeWs as unknown as TextChatOptions['WebSocket'] }

describe('createTextChat: send to a socket the server closes as it opens', () => {
  it('rejects with the terminal error (4403 auth), not with not_open', async () => {
    const server = track(await startWsServer((conn) => conn.close(4403, 'forbidden')))
    const errors: unknown[] = []
    const chat = createTextChat({ ...chatAt(server), onError: (e) => errors.push(e) })
    const failure = await chat.send('hello').catch((e: unknown) => e)
    expect(errors).toHaveLength(1)
    expect(failure).toBe(errors[0])
    expect(failure).toMatchObject({ reason: 'auth' })
  })

  it('is sent on the next connection when the close is one the chat reconnects after (1012)', async () => {
    let connections = 0
    const server = track(
      await startWsServer((conn) => (connections++ === 0 ? conn.close(1012, 'restart') : echo(conn))),
    )
    // `ws` refuses a send once the server's close frame is in, so the message waits for the next
    // connection. A runtime's own WebSocket (Node 22+, browsers) may still accept it: it is then a
    // reply in flight, which a reconnect fails by design (the caller decides whether to resend).
    const chat = createTextChat({ ...chatAt(server), ...withWs, initialDelayMs: 1, maxDelayMs: 5 })
    const reply = chat.send('hello')
    const outcome = await Promise.race([reply, new Promise((r) => setTimeout(r, 5000, 'no reply'))])
    expect(outcome).toEqual({ text: 'echo: hello' })
    expect(server.connections.map((c) => c.messages.length)).toEqual([0, 1])
    chat.close()
    await chat.done
  })
})
