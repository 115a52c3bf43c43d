// An agent engine (or a proxy in front of it) may echo the request into an `error` frame: "bad token
// <the subprotocol header>". The frame becomes the rejected send()'s error, whose message and body
// a caller logs: the chat's token is taken out of both.
import { inspect } from 'node:util'
import { startWsServer, type WsConnection } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { createTextChat } from '../src/index'
import { chatAt, track } from './helpers'

/** Answers every message with an error frame quoting the connection's subprotocols. */
const echoingAgent = () =>
  startWsServer((conn: WsConnection) =>
    conn.socket.on('message', () => {
      const sent = String(conn.request.headers['sec-websocket-protocol'])
      conn.send({ type: 'error', message: `refused: ${sent}`, detail: { protocols: sent } })
    }),
  )

const printed = (error: unknown) => `${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}`

describe('an error frame that echoes the token', () => {
  it('a fixed token is redacted from the error message and body', async () => {
    const token = 'tok-SECRET-0123456789abcdef'
    const server = track(await echoingAgent())
    const chat = createTextChat({ ...chatAt(server), token })
    const error = await chat.send('hello').catch((e: unknown) => e)
    expect(error).toMatchObject({ errorCode: 'agent_error', message: expect.stringContaining('[REDACTED]') })
    expect((error as { body: { detail: { protocols: string } } }).body.detail.protocols).toContain(
      '[REDACTED]',
    )
    expect(printed(error)).not.toContain(token)
    chat.close()
    await chat.done
  })

  it("a getToken's token is redacted as well", async () => {
    const token = 'jwt-SECRET-from-the-getter-42'
    const server = track(await echoingAgent())
    const chat = createTextChat({ ...chatAt(server), token: undefined, getToken: async () => token })
    const error = await chat.send('hello').catch((e: unknown) => e)
    expect((error as Error).message).toMatch(/^The agent reported an error: refused: .*\[REDACTED\]/)
    expect(printed(error)).not.toContain(token)
    chat.close()
    await chat.done
  })
})
