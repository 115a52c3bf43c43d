// Run in a child process by close-timers.test.ts: starts a mock, leaves it holding one slow exchange
// (argv[2]: `latency`, `ws-kill` or `turn-stream`), closes it and returns. Nothing else is left to
// do, so the process exits at once unless a timer of the closed mock keeps it alive.
import { request } from 'node:http'
import WebSocket from 'ws'

// Replaced at build time; the source run through tsx needs a value.
;(globalThis as { __PACKAGE_VERSION__?: string }).__PACKAGE_VERSION__ = '0.0.0-test'
const { startMockPlatform } = await import('../../src/index')

const TEN_MINUTES = 600_000
const mock = await startMockPlatform({ turnTokenDelayMs: TEN_MINUTES })
const base = `/v1/${mock.workspaceId}`
const headers = { authorization: `Bearer ${mock.apiKey}`, 'content-type': 'application/json' }

/** Resolves once the mock has received `path` and `ms` more have passed for it to get going. */
async function held(path: string, ms = 100): Promise<void> {
  while (!mock.requests.some((r) => r.path === path)) await new Promise((r) => setTimeout(r, 5))
  await new Promise((r) => setTimeout(r, ms))
}

const mode = process.argv[2]
if (mode === 'latency') {
  const path = `${base}/agents`
  const req = request(`${mock.url}${path}`, {
    headers: { ...headers, 'x-mock-fault': `latency=${TEN_MINUTES}` },
  })
  req.on('error', () => {})
  req.end()
  await held(path)
} else if (mode === 'turn-stream') {
  const service = mock.store.services.list()[0]!.id
  const created = await fetch(`${mock.url}${base}/conversations`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ service_id: service }),
  })
  const path = `${base}/conversations/${((await created.json()) as { id: string }).id}/turns/stream`
  const req = request(`${mock.url}${path}`, { method: 'POST', headers })
  req.on('error', () => {})
  req.end(JSON.stringify({ message: 'Hello' }))
  await held(path)
} else if (mode === 'ws-kill') {
  const sid = mock.store.calls.list()[0]!.call_sid
  const socket = new WebSocket(
    `${mock.url.replace('http', 'ws')}${base}/observers/${sid}/ws`,
    ['auth', mock.apiKey],
    {
      headers: { 'x-mock-fault': `ws-kill=${TEN_MINUTES}` },
    },
  )
  socket.on('error', () => {})
  await new Promise((resolve) => socket.once('message', resolve))
} else throw new Error(`unknown mode ${mode}`)

await mock.close()
console.log('closed')
