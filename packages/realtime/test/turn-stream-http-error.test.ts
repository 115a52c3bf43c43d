// `readTurnStreamEvents(await fetch(...))` on a refused request: the error body is no event stream,
// so reading it yielded nothing and the turn looked like one that streamed no events at all.
import { inspect } from 'node:util'
import { isAuthenticationError, isServerError } from '@amigo-ai/core'
import { json, startTestServer } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { readTurnStreamEvents } from '../src/index'
import { track } from './helpers'

const TOKEN = 'tok-SECRET-0123456789abcdef'
const ROUTE = 'POST /v1/ws-1/conversations/c-1/turns/stream'

async function readTurn(status: number, body: unknown) {
  const server = track(await startTestServer({ [ROUTE]: json(status, body, { 'x-request-id': 'req-7' }) }))
  const response = await fetch(`${server.url}/v1/ws-1/conversations/c-1/turns/stream`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}` },
  })
  const events: unknown[] = []
  const error = await (async () => {
    for await (const event of readTurnStreamEvents(response)) events.push(event)
  })().catch((e: unknown) => e)
  return { events, error, response }
}

describe('readTurnStreamEvents on a response that is not a success', () => {
  it('a 401 throws an AuthenticationError with the status and request id, without the body', async () => {
    const { events, error, response } = await readTurn(401, { detail: `invalid key ${TOKEN}` })
    expect(events).toEqual([])
    expect(isAuthenticationError(error)).toBe(true)
    expect(error).toMatchObject({ status: 401, requestId: 'req-7' })
    // The caller's token is not known here, so a body that may echo it is left out.
    expect(inspect(error, { depth: 10 })).not.toContain(TOKEN)
    expect(response.bodyUsed || response.body?.locked).toBeTruthy()
  })

  it('a 500 throws a ServerError', async () => {
    const { events, error } = await readTurn(500, { detail: 'boom' })
    expect(events).toEqual([])
    expect(isServerError(error)).toBe(true)
    expect((error as Error).message).toBe('The turn stream request failed with HTTP 500')
  })
})
