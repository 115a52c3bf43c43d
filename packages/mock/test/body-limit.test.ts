// A request body over the mock's limit (10 MB) is answered 413 in the API's error shape, and the
// server goes on serving: the oversized upload is not a dropped connection or a crash. After the 413
// the connection ends: an upload that never stops cannot keep the mock reading.
import { once } from 'node:events'
import { type IncomingMessage, request } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import type { MockPlatform } from '../src/index'
import { call, startTestMock, ws } from './helpers'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock()
})
afterAll(() => mock?.close())

it('answers an 11 MB body with 413 naming the limit, then serves the next request', async () => {
  const huge = JSON.stringify({ name: 'x'.repeat(11 * 1024 * 1024) })
  const answer = await call(mock, 'POST', `${ws(mock)}/agents`, {
    raw: huge,
    headers: { 'content-type': 'application/json' },
  })
  expect(answer).toMatchObject({ status: 413, body: { detail: 'request body too large (over 10 MB)' } })
  expect((await call(mock, 'GET', `${ws(mock)}/agents`)).status).toBe(200)
})

// Without the cut-off these uploads ran until the test timed out (the raw one) or until the
// server's keep-alive timeout, 5 s (node:http, which stops writing itself once it has an answer).
const BOUND = { timeout: 4000 }
const CHUNK = 64 * 1024

/** Settles when `stream` closes; unlike `once`, an error on the way (the cut-off write) does not reject. */
const closeOf = (stream: NodeJS.EventEmitter) =>
  new Promise<void>((resolve) => stream.once('close', () => resolve()))

it('closes a node:http upload that never ends once its 413 is sent', BOUND, async () => {
  const upload = request(`${mock.url}${ws(mock)}/agents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${mock.apiKey}`, 'content-type': 'application/json' },
  })
  upload.on('error', () => {}) // the write cut short when the connection closes: expected
  const chunk = Buffer.alloc(CHUNK, 'x')
  const pump = () => {
    while (!upload.destroyed && upload.write(chunk)) {}
  }
  upload.on('drain', pump)
  const closed = closeOf(upload)
  pump()
  const [res] = (await once(upload, 'response')) as [IncomingMessage]
  res.setEncoding('utf8')
  let body = ''
  for await (const part of res) body += part
  expect(res.statusCode).toBe(413)
  expect(JSON.parse(body)).toEqual({ detail: 'request body too large (over 10 MB)' })
  await closed
})

it('cuts off a client that goes on uploading after its 413 and the closed connection', BOUND, async () => {
  const { hostname, port } = new URL(mock.url)
  // allowHalfOpen: the client ignores the mock closing its side and keeps sending.
  const socket = connect({ host: hostname, port: Number(port), allowHalfOpen: true })
  socket.on('error', () => {}) // EPIPE / ECONNRESET once the mock cuts it off: expected
  socket.write(
    `POST ${ws(mock)}/agents HTTP/1.1\r\nhost: ${hostname}\r\nauthorization: Bearer ${mock.apiKey}\r\n` +
      'content-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n',
  )
  const chunk = Buffer.concat([
    Buffer.from(`${CHUNK.toString(16)}\r\n`),
    Buffer.alloc(CHUNK, 'x'),
    Buffer.from('\r\n'),
  ])
  let written = 0
  let writtenAtAnswer: number | undefined
  let received = ''
  socket.on('data', (d: Buffer) => {
    writtenAtAnswer ??= written
    received += d.toString('utf8')
  })
  const pump = () => {
    while (!socket.destroyed && socket.write(chunk)) written += chunk.length
    written += chunk.length
  }
  socket.on('drain', pump)
  const closed = closeOf(socket)
  pump()
  await closed
  expect(received).toMatch(/^HTTP\/1\.1 413 /)
  expect(received).toContain('{"detail":"request body too large (over 10 MB)"}')
  // What the mock still took after answering is bounded (socket buffers included), not endless.
  expect(written - (writtenAtAnswer ?? 0)).toBeLessThan(32 * 1024 * 1024)
  expect((await call(mock, 'GET', `${ws(mock)}/agents`)).status).toBe(200)
})

it('cuts off a slow upload that goes on after its 413 once the drain time is up', BOUND, async () => {
  const { hostname, port } = new URL(mock.url)
  // noDelay: each dripped byte goes out at once rather than waiting on the previous one's ACK.
  const socket = connect({ host: hostname, port: Number(port), allowHalfOpen: true, noDelay: true })
  socket.on('error', () => {}) // EPIPE once the mock has cut it off: expected
  const answered = new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString())))
  // One byte per turn of the event loop; a refused one shows as EPIPE a turn or two after the reset.
  const drip = async (bytes: number) => {
    for (let i = 0; i < bytes && !socket.destroyed; i++) {
      socket.write('x')
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  try {
    const body = Buffer.alloc(11 * 1024 * 1024, 'x')
    // The declared length leaves room for every byte dripped below: all of it is still the body.
    socket.write(
      `POST ${ws(mock)}/agents HTTP/1.1\r\nhost: ${hostname}\r\nauthorization: Bearer ${mock.apiKey}\r\n` +
        `content-type: application/json\r\ncontent-length: ${body.length + 1000}\r\n\r\n`,
    )
    socket.write(body)
    expect(await answered).toMatch(/^HTTP\/1\.1 413 /)
    await vi.advanceTimersByTimeAsync(1999)
    await drip(20)
    expect(socket.destroyed).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await drip(500)
    expect(socket.destroyed).toBe(true)
  } finally {
    vi.useRealTimers()
  }
})
