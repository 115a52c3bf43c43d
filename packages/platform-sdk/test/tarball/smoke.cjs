// Runs against the packed tarball with require(): builds a client and lists agents from a local server.
const { createServer } = require('node:http')
const { AmigoClient, isNotFoundError, VERSION } = require('@amigo-ai/platform-sdk')

const server = createServer((req, res) => {
  const ok = req.url.startsWith('/v1/ws-smoke/agents?') && req.headers.authorization === 'Bearer smoke-key'
  res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json', 'x-request-id': 'req-smoke' })
  res.end(
    JSON.stringify(ok ? { items: [{ id: 'a1', name: 'Smoke agent' }], has_more: false } : { detail: 'no' }),
  )
})

server.listen(0, '127.0.0.1', async () => {
  try {
    const client = new AmigoClient({
      apiKey: 'smoke-key',
      workspaceId: 'ws-smoke',
      baseUrl: `http://127.0.0.1:${server.address().port}`,
    })
    const page = await client.agents.list({ limit: 5 })
    if (page.items[0]?.name !== 'Smoke agent') throw new Error('unexpected page')
    const missing = await client.agents.get('nope').catch((e) => e)
    if (!isNotFoundError(missing)) throw new Error('expected NotFoundError')
    console.log('platform-sdk', VERSION, 'agents.list ok (cjs)')
  } catch (error) {
    console.error(error)
    process.exitCode = 1
  } finally {
    server.close()
  }
})
