// Runs against the packed tarball: builds a client and lists agents from a tiny local server, streams
// workspace events (realtime loaded by name, as the ESM copy whose classes this package exports), and
// lists agents through the `lite` entry. First it checks that each entry loads only this package's
// own files, which carry the code of core, realtime, webhooks and auth-node (tsup.config.ts), and
// that those files hold only one-byte characters; and that the `lite` entry's files hold none of
// the sign-in, realtime connection or webhook code nor any import of a Node built-in: Node compiles
// every file an entry loads, so that code would lengthen each cold start of a function using `lite`.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { AmigoClient, isNotFoundError, VERSION, WorkspaceEventStreamError } from '@amigo-ai/platform-sdk'
import { AgentsResource, createAmigo } from '@amigo-ai/platform-sdk/lite'

/** The files an entry loads through its static imports (or `require` calls), and the packages it loads. */
function staticGraph(file, files = new Set(), packages = new Set()) {
  if (files.has(file)) return { files, packages }
  files.add(file)
  const source = readFileSync(file, 'utf8')
  // One character past U+00FF (an em dash in a doc comment) makes V8 hold the whole file as
  // two-byte text, which is slower to decode and compile at every import.
  const wide = /[\u0100-\uffff]/.exec(source)
  if (wide) throw new Error(`${file} holds ${JSON.stringify(wide[0])}, past U+00FF`)
  for (const [, esm, cjs] of source.matchAll(
    /^(?:import|export)\b[^'"]*?['"]([^'"]+)['"]|\brequire\(['"]([^'"]+)['"]\)/gm,
  )) {
    const spec = esm ?? cjs
    if (spec.startsWith('.')) staticGraph(fileURLToPath(new URL(spec, `file://${file}`)), files, packages)
    else packages.add(spec)
  }
  return { files, packages }
}

/**
 * Texts of code only the full entry needs, by package: auth-node's file storage and sign-in,
 * realtime's connection code, the webhook verifier's header. None is in what `lite` loads.
 */
const FULL_ENTRY_MARKERS = {
  'auth-node': ['FileTokenStorage.save got credentials', 'loginWithDeviceCode'],
  realtime: ['has no global WebSocket'],
  webhooks: ['x-amigo-signature'],
}
function checkLiteLoads(entry, files, packages) {
  const builtins = [...packages].filter((p) => p.startsWith('node:') || builtinModules.includes(p))
  if (builtins.length) throw new Error(`${entry} loads Node built-ins: ${builtins.join(', ')}`)
  for (const file of files)
    for (const [pkg, markers] of Object.entries(FULL_ENTRY_MARKERS))
      for (const marker of markers)
        if (readFileSync(file, 'utf8').includes(marker)) throw new Error(`${file} holds ${pkg}'s "${marker}"`)
}

const pkgUrl = new URL('./package.json', import.meta.resolve('@amigo-ai/platform-sdk/package.json'))
const { exports } = JSON.parse(readFileSync(pkgUrl, 'utf8'))
for (const subpath of ['.', './lite']) {
  for (const condition of ['import', 'require']) {
    const entry = fileURLToPath(new URL(exports[subpath][condition].default, pkgUrl))
    const { files, packages } = staticGraph(entry)
    const ours = [...packages].filter((p) => p.startsWith('@amigo-ai/'))
    if (ours.length || files.size > 2)
      throw new Error(`${entry} loads ${files.size} files and ${ours.join(', ') || 'no package of ours'}`)
    if (subpath === './lite') checkLiteLoads(entry, files, packages)
  }
}

const seen = []
const server = createServer((req, res) => {
  seen.push({ method: req.method, url: req.url, auth: req.headers.authorization })
  if (req.url === '/v1/ws-smoke/events/stream') {
    res.writeHead(200, { 'content-type': 'text/event-stream' })
    res.write('id: 1\nevent: call.started\ndata: {"call_sid":"CA1"}\n\n')
    return res.end('event: error\ndata: {"code":"too_many_streams"}\n\n')
  }
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
  const events = []
  let failure
  await client.events.subscribeToWorkspace({
    onEvent: (e) => events.push(e.event_type),
    onError: (e) => {
      failure = e
    },
  }).done
  if (events.join() !== 'call.started') throw new Error(`unexpected events ${events}`)
  if (!(failure instanceof WorkspaceEventStreamError)) throw new Error(`not the exported class: ${failure}`)
  const lite = new AgentsResource(
    createAmigo({
      apiKey: 'smoke-key',
      workspaceId: 'ws-smoke',
      baseUrl: `http://127.0.0.1:${server.address().port}`,
    }),
  )
  if ((await lite.list({ limit: 5 })).items[0]?.name !== 'Smoke agent') throw new Error('lite list failed')
  console.log('platform-sdk', VERSION, 'agents.list, events.subscribeToWorkspace and lite ok')
} finally {
  server.close()
}
