// A turn stream that is not one, or that is cut off: a success whose body is no event stream (a
// proxy's page, a JSON answer) read as one ended at once as if the turn had said nothing, and a
// connection cut mid-stream surfaced as the runtime's bare TypeError.
import { isNetworkError, isParseError } from '@amigo-ai/core'
import { type Handler, json, sse, startTestServer, text } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { readServerSentEvents, readTurnStreamEvents } from '../src/index'
import { track } from './helpers'

const ROUTE = 'POST /v1/ws-1/conversations/c-1/turns/stream'

async function answer(handler: Handler) {
  const server = track(await startTestServer({ [ROUTE]: handler }))
  return fetch(`${server.url}/v1/ws-1/conversations/c-1/turns/stream`, { method: 'POST' })
}

async function read(source: Response | ReadableStream<Uint8Array>) {
  const events: unknown[] = []
  const error = await (async () => {
    for await (const event of readTurnStreamEvents(source)) events.push(event)
  })().catch((e: unknown) => e)
  return { events, error }
}

describe('readTurnStreamEvents on an answer that is not an event stream', () => {
  it('a 200 HTML page is a ParseError naming its content type, not an empty turn', async () => {
    const { events, error } = await read(await answer(text(200, '<html>proxy login</html>', 'text/html')))
    expect(events).toEqual([])
    expect(isParseError(error)).toBe(true)
    expect((error as Error).message).toBe(
      'The turn stream answer is not an event stream (content-type text/html)',
    )
  })

  it("a stream carrying its response's metadata (as createTurnStream returns it) is checked too", async () => {
    const response = await answer(json(200, { message: 'not streamed' }))
    const stream = response.body as ReadableStream<Uint8Array>
    Object.defineProperty(stream, 'lastResponse', { value: { headers: response.headers } })
    const { error } = await read(stream)
    expect(isParseError(error)).toBe(true)
    expect((error as Error).message).toMatch(/content-type application\/json/)
  })

  it('a bare stream (nothing known of its answer) is read as an event stream', async () => {
    const response = await answer((_req, res) => {
      const w = sse(res)
      w.send({ event: 'message', data: { text: 'hi' } })
      w.end()
    })
    const { events, error } = await read(response.body as ReadableStream<Uint8Array>)
    expect(error).toBeUndefined()
    expect(events).toEqual([{ text: 'hi', event: 'message' }])
  })
})

describe('a turn stream cut off mid-way', () => {
  it('is a NetworkError (the cause kept), after the events that arrived', async () => {
    const response = await answer((_req, res) => {
      const w = sse(res)
      w.send({ event: 'token', data: { text: 'a' } })
      setImmediate(() => res.socket?.destroy())
    })
    const { events, error } = await read(response)
    expect(events).toEqual([{ text: 'a', event: 'token' }])
    expect(isNetworkError(error)).toBe(true)
    expect((error as Error).message).toMatch(/^The event stream was cut off: /)
    expect((error as { cause?: unknown }).cause).toBeInstanceOf(Error)
  })

  it('readServerSentEvents reports the cut the same way', async () => {
    const response = await answer((_req, res) => {
      sse(res).send({ event: 'token', data: {} })
      setImmediate(() => res.socket?.destroy())
    })
    const error = await (async () => {
      for await (const _ of readServerSentEvents(response)) {
      }
    })().catch((e: unknown) => e)
    expect(isNetworkError(error)).toBe(true)
  })
})
