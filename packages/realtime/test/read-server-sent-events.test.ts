import { startTestServer } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { readServerSentEvents, type ServerSentEvent, SseFrameTooLargeError } from '../src/index'
import { track } from './helpers'

const streamOf = (chunks: (string | Uint8Array)[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      const enc = new TextEncoder()
      for (const c of chunks) controller.enqueue(typeof c === 'string' ? enc.encode(c) : c)
      controller.close()
    },
  })

async function collect(chunks: (string | Uint8Array)[], opts = {}) {
  const out: ServerSentEvent[] = []
  for await (const m of readServerSentEvents(streamOf(chunks), opts)) out.push(m)
  return out
}

describe('readServerSentEvents', () => {
  it('parses LF, CRLF and CR line endings, comments, multi-line data and ids', async () => {
    const retries: number[] = []
    const comments: string[] = []
    const got = await collect(
      [
        ': hello\n\n',
        'retry: 1500\n\n',
        'id: 1\nevent: a\ndata: one\n\n',
        'id: 2\r\nevent: b\r\ndata: two\r\ndata: lines\r\n\r\n',
        'event: c\rdata: three\r\r',
        'data: no-event\n\n',
      ],
      { onRetry: (ms: number) => retries.push(ms), onComment: (c: string) => comments.push(c) },
    )
    expect(got).toEqual([
      { id: '1', event: 'a', data: 'one' },
      { id: '2', event: 'b', data: 'two\nlines' },
      { id: undefined, event: 'c', data: 'three' },
      { id: undefined, data: 'no-event' },
    ])
    expect(retries).toEqual([1500])
    expect(comments).toEqual(['hello'])
  })

  it('delivers an event ended by bare CRs at once, on a stream that then stays quiet', async () => {
    let quiet = () => {}
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('id: 1\rdata: one\r\r'))
      },
      // Nothing more ever comes: the event must not wait for another chunk.
      pull: () => new Promise<void>((resolve) => (quiet = resolve)),
    })
    const events = readServerSentEvents(body)
    const hung = new Promise((resolve) => setTimeout(resolve, 2000, 'still waiting'))
    expect(await Promise.race([events.next(), hung])).toEqual({
      done: false,
      value: { id: '1', event: undefined, data: 'one' },
    })
    await events.return()
    quiet()
  })

  it('reads a CRLF cut between two chunks as one line end', async () => {
    const got = await collect(['data: a\r', '\ndata: b\r', '\n\r', '\n', 'data: c\r', '\r', '\n'])
    expect(got).toEqual([
      { id: undefined, event: undefined, data: 'a\nb' },
      { id: undefined, event: undefined, data: 'c' },
    ])
  })

  it('a frame ended by bare CRs does not count toward the size of the next one', async () => {
    const got = await collect(['data: 1\r\r', 'data: 123', '\n\n'], { maxFrameBytes: 10 })
    expect(got.map((m) => m.data)).toEqual(['1', '123'])
  })

  it('reassembles frames and multi-byte characters split at every byte', async () => {
    const text = 'id: 7\nevent: é\ndata: {"name":"Zoë 🎉"}\n\n'
    const bytes = new TextEncoder().encode(text)
    const chunks = Array.from(bytes, (b) => new Uint8Array([b]))
    const got = await collect(chunks)
    expect(got).toEqual([{ id: '7', event: 'é', data: '{"name":"Zoë 🎉"}' }])
  })

  it('never delivers a frame cut off by the end of the stream', async () => {
    const got = await collect(['data: complete\n\n', 'data: cut off'])
    expect(got.map((m) => m.data)).toEqual(['complete'])
  })

  it('throws SseFrameTooLargeError after delivering the frames before the oversize one', async () => {
    const out: string[] = []
    const read = async () => {
      for await (const m of readServerSentEvents(streamOf(['data: ok\n\n', `data: ${'z'.repeat(200)}`]), {
        maxFrameBytes: 100,
      }))
        out.push(m.data)
    }
    const err = await read().catch((e: unknown) => e)
    expect(SseFrameTooLargeError.isInstance(err)).toBe(true)
    expect((err as SseFrameTooLargeError).limit).toBe(100)
    expect(out).toEqual(['ok'])
  })

  it('reads a fetch Response and cancels the body when the consumer breaks', async () => {
    let closedByClient = false
    const server = track(
      await startTestServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' })
        res.on('close', () => {
          closedByClient = true
        })
        let i = 0
        const timer = setInterval(() => res.write(`data: ${i++}\n\n`), 2)
        res.on('close', () => clearInterval(timer))
      }),
    )
    const response = await fetch(server.url)
    const seen: string[] = []
    for await (const m of readServerSentEvents(response)) {
      seen.push(m.data)
      if (seen.length === 3) break
    }
    expect(seen).toEqual(['0', '1', '2'])
    const start = Date.now()
    while (!closedByClient && Date.now() - start < 2000) await new Promise((r) => setTimeout(r, 5))
    expect(closedByClient).toBe(true)
  })

  it('ends quietly when the signal aborts mid-read', async () => {
    const controller = new AbortController()
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('data: first\n\n'))
      },
    })
    const seen: string[] = []
    for await (const m of readServerSentEvents(body, { signal: controller.signal })) {
      seen.push(m.data)
      setTimeout(() => controller.abort(), 5)
    }
    expect(seen).toEqual(['first'])
  })
})

describe('readTurnStreamEvents', () => {
  it('restores `event`, fills error defaults and skips unknown or malformed frames', async () => {
    const { readTurnStreamEvents } = await import('../src/index')
    const body = streamOf([
      'event: thinking\ndata: {"tier":1,"tier_name":"fast"}\n\n',
      'event: token\ndata: {"text":"Hel"}\n\n',
      'event: token\ndata: not json\n\n',
      'event: mystery\ndata: {"x":1}\n\n',
      'data: {"text":"no name"}\n\n',
      'event: token\ndata: [1]\n\n',
      'event: message\ndata: {"role":"agent","text":"Hello"}\n\n',
      'event: error\ndata: {"message":"upstream"}\n\n',
      'event: done\ndata: {"conversation_id":"c1","status":"active","turn_count":2}\n\n',
    ])
    const names: string[] = []
    let text = ''
    for await (const event of readTurnStreamEvents(body)) {
      names.push(event.event)
      if (event.event === 'token') text += event.text
      if (event.event === 'error')
        expect(event).toEqual({ event: 'error', message: 'upstream', code: 'unknown', retryable: false })
      if (event.event === 'done') expect(event.conversation_id).toBe('c1')
    }
    expect(names).toEqual(['thinking', 'token', 'message', 'error', 'done'])
    expect(text).toBe('Hel')
  })
})
