// Runs against the packed tarball: builds a client and lists agents from a tiny local server.
import { createServer } from 'node:http'
import { AmigoClient, isNotFoundError, VERSION } from '@amigo-ai/platform-sdk'

const seen = []
const server = createServer((req, res) => {
  seen.push({ method: req.method, url: req.url, auth: req.headers.authorization })
  const ok = req.url.startsWith('/v1/ws-smoke/agents?')
  res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json', 'x-request-id': 'req-smoke' })
  res.end(
    JSON.stringify(ok ? { items: [{ id: 'a1', name: 'Smoke agent' }], has_more: false } : { detail: 'no' }),
  )
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
try {
  const client = new AmigoClient({
    apiKey: 'smoke-key',
    workspaceId: 'ws-smoke',
    baseUrl: `http://127.0.0.1:${server.address().port}`,
  })
  const page = await client.agents.list({ limit: 5 })
  if (page.items[0]?.name !== 'Smoke agent') throw new Error('unexpected page')
  if (page._request_id !== 'req-smoke') throw new Error('missing request id')
  if (seen[0].auth !== 'Bearer smoke-key' || !seen[0].url.includes('limit=5')) throw new Error('bad request')
  const missing = await client.agents.get('nope').catch((e) => e)
  if (!isNotFoundError(missing)) throw new Error('expected NotFoundError')
  console.log('platform-sdk', VERSION, 'agents.list ok')
} finally {
  server.close()
}
