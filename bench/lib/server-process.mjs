// The loopback server, run in a child process so that neither its event loop nor its CPU time is
// mixed with the clients being measured. Routes:
//   GET /v1/<ws>/agents                       one page of 20 agents, has_more false
//   GET /p/<total>/v1/<ws>/agents?...          <total> agents in pages of `limit` (continuation_token = offset)
//   GET /s/<count>/v1/<ws>/events/stream       <count> SSE events, then the stream stays open
//   WS  /w/<count>                             <count> text frames, then the socket stays open
import { createServer } from 'node:http'
import { WebSocketServer } from 'ws'
import { EVENT_DATA_JSON, PAGE_ITEMS_JSON, WS_FRAME } from './fixtures.mjs'

const JSON_HEADERS = { 'content-type': 'application/json', 'x-request-id': 'req_bench' }
const SINGLE_PAGE = `{"items":${PAGE_ITEMS_JSON},"has_more":false,"continuation_token":null,"total":20}`
const BATCH = 200

function sendPage(res, url, total) {
  const limit = Math.min(20, Number(url.searchParams.get('limit') ?? 20) || 20)
  const offset = Number(url.searchParams.get('continuation_token') ?? 0) || 0
  const count = Math.max(0, Math.min(limit, total - offset))
  // The fixture holds 20 items; a page is a prefix of it (ids repeat, which the clients do not care about).
  const items = count === 20 ? PAGE_ITEMS_JSON : JSON.stringify(JSON.parse(PAGE_ITEMS_JSON).slice(0, count))
  const more = offset + count < total
  res.writeHead(200, JSON_HEADERS)
  res.end(
    `{"items":${items},"has_more":${more},"continuation_token":${more ? offset + count : null},"total":${total}}`,
  )
}

function streamEvents(req, res, count) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
  let next = 0
  const pump = () => {
    while (next < count) {
      let chunk = ''
      const end = Math.min(count, next + BATCH)
      for (; next < end; next++) chunk += `id: ${next + 1}\nevent: call.started\ndata: ${EVENT_DATA_JSON}\n\n`
      if (!res.write(chunk)) return res.once('drain', pump)
    }
  }
  req.on('close', () => res.destroy())
  pump()
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost')
  const parts = url.pathname.split('/')
  if (parts[1] === 'p') return sendPage(res, url, Number(parts[2]))
  if (parts[1] === 's') return streamEvents(req, res, Number(parts[2]))
  if (url.pathname.endsWith('/agents')) {
    res.writeHead(200, JSON_HEADERS)
    return res.end(SINGLE_PAGE)
  }
  res.writeHead(404, JSON_HEADERS)
  res.end('{"detail":"not found"}')
})
server.keepAliveTimeout = 60_000

const wss = new WebSocketServer({ server })
wss.on('connection', (socket, req) => {
  const count = Number(req.url.split('/')[2])
  let sent = 0
  const pump = () => {
    while (sent < count && socket.readyState === socket.OPEN) {
      // Keep roughly 1 MB in flight so the client, not the server, sets the pace.
      if (socket.bufferedAmount > 1 << 20) return setImmediate(pump)
      socket.send(WS_FRAME)
      sent++
    }
  }
  pump()
})

server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }))
// The parent going away (even killed) closes the IPC channel: exit with it.
process.on('disconnect', () => process.exit(0))
process.on('message', (msg) => {
  if (msg === 'close') {
    for (const client of wss.clients) client.terminate()
    server.closeAllConnections()
    server.close(() => process.exit(0))
  }
})
