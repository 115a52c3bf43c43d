// A misbehaving identity service may answer with a huge body, or one that never ends. Reading it
// whole would fill the memory of the CLI (or hang it until the request timeout): what this package
// reads from an identity answer is capped at 1 MiB, the rest is not read, and the error says so.
import type { ServerResponse } from 'node:http'
import { isParseError } from '@amigo-ai/core'
import { type Served, serveNode, waitFor } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { loginWithDeviceCode, MemoryTokenStorage, TokenManager } from '../src/index'

const MiB = 1024 * 1024
const FILLER = 'SECRET-'.repeat(9362) // about 64 KiB a chunk, all of it what the message must not show

let served: Served | undefined
afterEach(async () => {
  await served?.close()
  served = undefined
})

/** A server answering every request with `write`, noting when the client dropped the connection. */
async function serve(write: (res: ServerResponse) => void) {
  const state = { closed: 0 }
  served = await serveNode((_req, res) => {
    res.on('close', () => state.closed++)
    write(res)
  })
  return { url: served.url, state }
}

/** 2 MiB with a content-length (JSON that never closes, so only its size can fail it). */
const tooLarge = (res: ServerResponse) => {
  const body = `{"x":"${FILLER.repeat(Math.ceil((2 * MiB) / FILLER.length))}`
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/** Chunks for as long as the client keeps reading. */
const endless = (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.write('{"x":"')
  const more = () => {
    while (!res.destroyed && res.write(FILLER)) {}
    if (!res.destroyed) res.once('drain', more)
  }
  more()
}

const login = (url: string) =>
  loginWithDeviceCode({
    identityBaseUrl: url,
    onCode: () => {},
    onWorkspaceRequired: async () => 'ws-1',
    requestTimeoutMs: 5_000,
  }).catch((e) => e)

function expectLimitError(error: unknown, path: string) {
  expect(isParseError(error)).toBe(true)
  const message = (error as Error).message
  expect(message).toBe(`The identity service's answer to ${path} is larger than 1 MiB; it was not read`)
  expect(JSON.stringify(error)).not.toContain('SECRET')
  expect(String((error as { body?: unknown }).body ?? '')).not.toContain('SECRET')
}

describe('identity answers past 1 MiB', () => {
  for (const [name, write] of [
    ['a 2 MiB body', tooLarge],
    ['a body that never ends', endless],
  ] as const) {
    it(`${name} fails the device code request with an error naming the limit, and is not read on`, async () => {
      const { url, state } = await serve(write)
      const error = await login(url)
      expectLimitError(error, '/device/code')
      // The connection is dropped rather than read to the end.
      await waitFor(() => state.closed > 0, 3000, 'the connection to close')
    })

    it(`${name} fails a refresh the same way and keeps the credentials`, async () => {
      const { url } = await serve(write)
      const storage = new MemoryTokenStorage()
      const creds = { access_token: 'a', refresh_token: 'rt-0123456789', workspace_id: 'w', expires_at: 0 }
      await storage.save(creds)
      const tokens = new TokenManager({ storage, identityBaseUrl: url, requestTimeoutMs: 5_000 })
      expectLimitError(await tokens.getAccessToken().catch((e) => e), '/token')
      expect(await storage.load()).toEqual(creds)
    })
  }

  it('a character whose bytes arrive in two chunks is read whole', async () => {
    const body = Buffer.from(
      JSON.stringify({ error: 'access_denied', error_description: 'Zugriff verweigert: é€' }),
    )
    const cut = body.indexOf(Buffer.from('€')) + 1
    const { url } = await serve((res) => {
      res.writeHead(400, { 'content-type': 'application/json' })
      res.write(body.subarray(0, cut))
      setTimeout(() => res.end(body.subarray(cut)), 20)
    })
    const error = await login(url)
    expect((error as { body?: { error_description?: string } }).body?.error_description).toBe(
      'Zugriff verweigert: é€',
    )
  })

  it('an answer just under the limit is read as usual', async () => {
    const description = 'y'.repeat(MiB - 100)
    const { url } = await serve((res) => {
      const body = JSON.stringify({ error: 'access_denied', error_description: description })
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end(body)
    })
    const error = await login(url)
    expect((error as { body?: { error_description?: string } }).body?.error_description).toBe(description)
  })
})
