// A WebSocket client that keeps the mock talking but never reads must not make it buffer every frame
// for it: past the bound the event stream uses (8 MiB unsent), the socket is closed with a code and
// reason that say why, and other clients go on being answered.
import { waitFor } from '@amigo-ai/test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { MockPlatform } from '../src/index'
import { call, startTestMock, ws } from './helpers'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock({ turnTokenDelayMs: 0 })
})
afterAll(() => mock?.close())

/** A text-stream socket continuing `conversationId`, with tool events (which echo each message). */
async function openTextStream(serviceId: string, conversationId?: string) {
  const query = new URLSearchParams({ workspace_id: mock.workspaceId, service_id: serviceId })
  if (conversationId) query.set('conversation_id', conversationId)
  query.set('tool_events', 'true')
  const sock = new WebSocket(`${mock.url.replace('http', 'ws')}/agent/text-stream?${query}`, [
    'auth',
    mock.apiKey,
  ])
  sock.on('error', () => undefined)
  await new Promise((resolve) => sock.once('message', resolve)) // session_start
  return sock
}

describe('a WebSocket client that never reads', () => {
  it('is closed 1013 once too much is unsent, while another client is still answered', async () => {
    const serviceId = mock.store.services.list()[1]!.id
    const conv = await call(mock, 'POST', `${ws(mock)}/conversations`, { body: { service_id: serviceId } })
    const stalled = await openTextStream(serviceId, conv.body.id)
    // The ws client reads nothing more until resumed; it can still send.
    const raw = (stalled as unknown as { _socket: { pause(): void; resume(): void } })._socket
    raw.pause()
    const text = 'x'.repeat(900 * 1024)
    const messages = 60 // ~54 MB of answers: well past what the kernel's socket buffers hold
    for (let i = 0; i < messages; i++) stalled.send(JSON.stringify({ type: 'message', text }))
    const turns = () => mock.store.conversations.get(conv.body.id)!.turn_count
    await waitFor(() => turns() === messages, 10_000, 'every message answered')

    const other = await openTextStream(serviceId)
    const done = new Promise((resolve) =>
      other.on('message', (m) => JSON.parse(String(m)).type === 'done' && resolve('done')),
    )
    other.send(JSON.stringify({ type: 'message', text: 'Hello' }))
    expect(await done).toBe('done')
    other.close()

    // What the stalled client can still read ends with the close, well short of every answer.
    let received = 0
    let answered = 0
    const ended = new Promise<{ code?: number; reason?: string }>((resolve) => {
      stalled.on('close', (code, reason) => resolve({ code, reason: String(reason) }))
      stalled.on('message', (m: Buffer) => {
        received += m.length
        if (JSON.parse(String(m)).type === 'done' && ++answered === messages) resolve({})
      })
    })
    raw.resume()
    const end = await ended
    expect(end.code).toBe(1013)
    expect(end.reason).toMatch(/unread/)
    expect(received).toBeLessThan((messages / 2) * text.length)
  })
})
