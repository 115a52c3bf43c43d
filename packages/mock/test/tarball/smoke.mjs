import { startMockPlatform, VERSION } from '@amigo-ai/platform-mock'

if (typeof VERSION !== 'string') throw new Error('no VERSION')
const mock = await startMockPlatform({ port: 0 })
try {
  const res = await fetch(`${mock.url}/v1/${mock.workspaceId}/agents?limit=2`, {
    headers: { authorization: `Bearer ${mock.apiKey}` },
  })
  const body = await res.json()
  if (res.status !== 200 || !Array.isArray(body.items) || body.items.length !== 2) {
    throw new Error(`unexpected answer ${res.status} ${JSON.stringify(body).slice(0, 200)}`)
  }
  const bad = await fetch(`${mock.url}/v1/${mock.workspaceId}/agents?limit=100`, {
    headers: { authorization: `Bearer ${mock.apiKey}` },
  })
  if (bad.status !== 422) throw new Error(`expected 422, got ${bad.status}`)
  console.log('platform-mock ESM ok', VERSION, body.items[0].name)
} finally {
  await mock.close()
}
