import { startTestServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { sendJson } from '../src/http/respond'

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

/** What a client receives when the mock answers with `sendJson(res, 200, body, headers)`. */
async function answer(body: unknown, headers: Record<string, string>) {
  const server = await startTestServer((_req, res) => sendJson(res, 200, body, headers))
  close = () => server.close()
  const res = await fetch(server.url)
  return { type: res.headers.get('content-type'), text: await res.text() }
}

describe('sendJson', () => {
  it('sends a string under a non-JSON type as it is', async () => {
    const html = '<p>approve</p>'
    expect(await answer(html, { 'content-type': 'text/html; charset=utf-8' })).toEqual({
      type: 'text/html; charset=utf-8',
      text: html,
    })
  })

  it.each(['application/json', 'Application/JSON; charset=utf-8', 'application/problem+json'])(
    'JSON-encodes a string under %s',
    async (type) => {
      expect(await answer('plain', { 'content-type': type })).toEqual({ type, text: '"plain"' })
    },
  )

  // A type that merely mentions json is not JSON: the string goes out as it is.
  it.each(['text/x-json-ish', 'text/plain; format=json'])(
    'sends a string under %s as it is',
    async (type) => {
      expect(await answer('plain', { 'content-type': type })).toEqual({ type, text: 'plain' })
    },
  )
})
