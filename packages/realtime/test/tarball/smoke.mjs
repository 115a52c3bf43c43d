// Runs against the packed tarball (scripts/check-tarballs.mjs): ESM import, a real SSE round trip.
import { createServer } from 'node:http'
import {
  isWorkspaceEventStreamError,
  subscribeToWorkspaceEvents,
  textStreamAuthProtocols,
  VERSION,
} from '@amigo-ai/realtime'
import { textStreamUrl } from '@amigo-ai/realtime/urls'

if (typeof VERSION !== 'string') throw new Error('no VERSION')
const protocols = textStreamAuthProtocols('key_123')
if (protocols.join(',') !== 'auth,key_123') throw new Error(`unexpected protocols ${protocols}`)
const url = textStreamUrl({ workspaceId: 'ws-1', serviceId: 'svc-1' })
if (url !== 'wss://api.platform.amigo.ai/agent/text-stream?workspace_id=ws-1&service_id=svc-1')
  throw new Error(`unexpected text stream URL ${url}`)

const server = createServer((req, res) => {
  if (req.headers.authorization !== 'Bearer key_123') return res.writeHead(401).end()
  res.writeHead(200, { 'content-type': 'text/event-stream' })
  res.write('retry: 10\n\nid: 1\nevent: call.started\ndata: {"call_sid":"CA1"}\n\n')
  res.end('id: 2\nevent: error\ndata: {"code":"too_many_streams","message":"cap"}\n\n')
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
if (events.length !== 1 || events[0].event_type !== 'call.started' || events[0].call_sid !== 'CA1')
  throw new Error(`unexpected events ${JSON.stringify(events)}`)
if (!isWorkspaceEventStreamError(failure) || failure.code !== 'too_many_streams')
  throw new Error('no terminal error')
console.log('realtime ESM ok', VERSION)
