// The platform's client frames are small JSON messages: a client sending a frame of megabytes must
// not make the mock read and hold it (ws would take up to 100 MiB per frame). The socket is closed
// 1009 and the mock keeps serving other clients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { MockPlatform } from '../src/index'
import { startTestMock } from './helpers'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock({ turnTokenDelayMs: 0 })
})
afterAll(() => mock?.close())

const textStream = () => {
  const service = mock.store.services.list()[1]!.id
  return `${mock.url.replace('http', 'ws')}/agent/text-stream?workspace_id=${mock.workspaceId}&service_id=${service}`
}

/**
 * Opens a text-stream socket, sends `text` as one message frame and resolves with what ended the
 * exchange: the socket's close, or the mock's `done` / `error` answer to the frame.
 */
async function exchange(text: string): Promise<{ closed?: number; answered?: string }> {
  const sock = new WebSocket(textStream(), ['auth', mock.apiKey])
  sock.on('error', () => undefined)
  const outcome = new Promise<{ closed?: number; answered?: string }>((resolve) => {
    sock.on('close', (code) => resolve({ closed: code }))
    sock.on('message', (m) => {
      const type = JSON.parse(String(m)).type
      if (type === 'done' || type === 'error') resolve({ answered: type })
    })
  })
  await new Promise((resolve) => sock.once('open', resolve))
  sock.send(JSON.stringify({ type: 'message', text }))
  const result = await outcome
  sock.close()
  return result
}

describe('WebSocket frames larger than the protocol needs', () => {
  it('a 2 MiB frame closes that socket 1009 and another client is still answered', async () => {
    expect(await exchange('x'.repeat(2 * 1024 * 1024))).toEqual({ closed: 1009 })
    expect(await exchange('Hello')).toEqual({ answered: 'done' })
  })
})
