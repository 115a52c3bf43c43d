// Runs against the packed tarball (scripts/check-tarballs.mjs): CJS require, a real SSE round trip.
const { createServer } = require('node:http')
const {
  isWorkspaceEventStreamError,
  subscribeToWorkspaceEvents,
  textStreamAuthProtocols,
  VERSION,
} = require('@amigo-ai/realtime')
const { textStreamUrl } = require('@amigo-ai/realtime/urls')

async function main() {
  if (typeof VERSION !== 'string') throw new Error('no VERSION')
  if (textStreamAuthProtocols('key_123').join(',') !== 'auth,key_123') throw new Error('unexpected protocols')
  if (
    !textStreamUrl({ workspaceId: 'ws-1', serviceId: 'svc-1' }).endsWith(
      '?workspace_id=ws-1&service_id=svc-1',
    )
  )
    throw new Error('unexpected text stream URL')
  const server = createServer((req, res) => {
    if (req.headers.authorization !== 'Bearer key_123') return res.writeHead(401).end()
    res.writeHead(200, { 'content-type': 'text/event-stream' })
    res.write('id: 1\nevent: pipeline.error\ndata: {"data_source_id":"ds","error":"boom"}\n\n')
    res.end('event: error\ndata: {"code":"too_many_streams"}\n\n')
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  const events = []
  let failure
  const sub = subscribeToWorkspaceEvents({
    baseUrl: `http://127.0.0.1:${server.address().port}`,
    workspaceId: 'ws-1',
    token: 'key_123',
    onEvent: (event) => events.push(event),
    onError: (err) => {
      failure = err
    },
  })
  await sub.done
  server.close()
  if (events.length !== 1 || events[0].event_type !== 'pipeline.error') throw new Error('unexpected events')
  if (!isWorkspaceEventStreamError(failure)) throw new Error('no terminal error')
  console.log('realtime CJS ok', VERSION)
}
main().catch((err) => {
  console.error(err)
  process.exit(1)
})
