// Runs against the packed tarball: one real GET, one mapped error, through the built CJS entry.
const { createServer } = require('node:http')
const { isNotFoundError, Transport, VERSION } = require('@amigo-ai/core')

const server = createServer((req, res) => {
  const found = req.url === '/v1/ws-1/things/a'
  res.writeHead(found ? 200 : 404, { 'content-type': 'application/json', 'x-request-id': 'smoke-1' })
  res.end(JSON.stringify(found ? { id: 'a', auth: req.headers.authorization } : { detail: 'missing' }))
})
server.listen(0, '127.0.0.1', async () => {
  try {
    const t = new Transport({
      apiKey: 'k-smoke',
      workspaceId: 'ws-1',
      baseUrl: `http://127.0.0.1:${server.address().port}`,
    })
    const r = await t.GET('/v1/{workspace_id}/things/{id}', { params: { path: { id: 'a' } } })
    if (r.data.auth !== 'Bearer k-smoke' || r.requestId !== 'smoke-1') throw new Error('bad result')
    const err = await t
      .GET('/v1/{workspace_id}/things/{id}', { params: { path: { id: 'b' } } })
      .catch((e) => e)
    if (!isNotFoundError(err) || err.message !== 'missing')
      throw new Error(`expected NotFoundError, got ${err}`)
    console.log('core CJS ok', VERSION)
  } catch (e) {
    console.error(e)
    process.exitCode = 1
  } finally {
    server.close()
  }
})
