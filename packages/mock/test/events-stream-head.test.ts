// HEAD on the workspace event stream can carry no event: it is answered with the stream's headers
// and ends, without taking one of the workspace's stream slots, even while its connection stays open.
import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { startTestMock, ws } from './helpers'
import { readSse } from './sse-client'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock({ maxStreamsPerWorkspace: 2 })
})
afterAll(() => mock?.close())

const stream = () => `${ws(mock)}/events/stream`

/** Sends HEAD for the stream on a keep-alive connection left open; resolves with the response head. */
async function head(sock: Socket): Promise<string> {
  await new Promise((resolve) => sock.once('connect', resolve))
  sock.write(`HEAD ${stream()} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${mock.apiKey}\r\n\r\n`)
  let text = ''
  while (!text.includes('\r\n\r\n'))
    text += await new Promise<string>((resolve) => sock.once('data', (d) => resolve(String(d))))
  return text
}

describe('HEAD on the workspace event stream', () => {
  it('answers the headers only, and a stream still connects after more HEADs than the cap', async () => {
    const sockets: Socket[] = []
    try {
      for (let i = 0; i < 4; i++) {
        const sock = connect(mock.port, '127.0.0.1')
        sock.on('error', () => undefined)
        sockets.push(sock)
        const answer = await head(sock)
        expect(answer).toMatch(/^HTTP\/1\.1 200 /)
        expect(answer).toMatch(/\r\ncontent-type: text\/event-stream/i)
      }
      const s = await readSse(mock, stream())
      try {
        expect((await s.waitFor(1))[0]).toEqual({ retry: 3000 })
      } finally {
        s.close()
      }
    } finally {
      for (const sock of sockets) sock.destroy()
    }
  })
})
