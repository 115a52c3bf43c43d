// Bundle size: each package, and small apps, bundled by esbuild for the browser (ESM, minified),
// then gzipped. Sizes are deterministic, so one build each; the ratio is against openapi-fetch
// (the one third-party library the request path builds on) or against a peer doing the same job.
import { builtinModules } from 'node:module'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { BENCH_DIR, PACKAGES, resolveDirOf } from '../lib/packages.mjs'

const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

/** Minified and gzipped bytes of an ESM bundle of `contents` resolved from `resolveDir`. */
async function gzipBytes(contents, resolveDir = BENCH_DIR) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    external,
    // Resolve like a user's bundler, through package.json exports (not the workspace's tsconfig paths).
    tsconfigRaw: '{}',
  })
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length
}

const LIST_AGENTS_UMBRELLA = `
import { AmigoClient } from '@amigo-ai/platform-sdk'
const client = new AmigoClient({ apiKey: 'key', workspaceId: 'ws' })
const page = await client.agents.list({ limit: 10 })
console.log(page.items.length)`
const LIST_AGENTS_OPENAPI_FETCH = `
import createClient from 'openapi-fetch'
const client = createClient({ baseUrl: 'https://api.platform.amigo.ai', headers: { authorization: 'Bearer key' } })
const { data } = await client.GET('/v1/{workspace_id}/agents', { params: { path: { workspace_id: 'ws' }, query: { limit: 10 } } })
console.log(data.items.length)`
const SSE_APP = `
import { subscribeToWorkspaceEvents } from '@amigo-ai/realtime'
subscribeToWorkspaceEvents({ workspaceId: 'ws', token: 't', onEvent: (e) => console.log(e.event_type) })`
const EVENTSOURCE_APP = `
import { EventSource } from 'eventsource'
new EventSource('/v1/ws/events/stream').onmessage = (e) => console.log(JSON.parse(e.data))`
const VERIFY_APP = `
import { parseWebhookEvent } from '@amigo-ai/webhooks'
export default { fetch: async (req) => Response.json(await parseWebhookEvent({ payload: await req.text(), headers: req.headers, secret: 's' })) }`
const STANDARDWEBHOOKS_APP = `
import { Webhook } from 'standardwebhooks'
export default { fetch: async (req) => Response.json(new Webhook('c2VjcmV0').verify(await req.text(), Object.fromEntries(req.headers))) }`

/** Runs the suite; returns table rows. */
export async function run({ log }) {
  const kb = (b) => `${(b / 1024).toFixed(2)} KB`
  const openapiFetch = await gzipBytes(
    `export * from 'openapi-fetch'; export { default } from 'openapi-fetch'`,
  )
  const rows = []
  const row = (figure, bytes, baseline, baseBytes, target, note = '') =>
    rows.push({
      section: 'Bundle size (min+gzip)',
      figure,
      baseline,
      work: 'esbuild, browser, ESM',
      values: [bytes / baseBytes],
      target,
      note: `${kb(bytes)} vs ${kb(baseBytes)}${note}`,
    })
  for (const name of PACKAGES.filter((p) => p !== '@amigo-ai/platform-mock')) {
    row(
      `${name} (whole entry)`,
      await gzipBytes(`export * from '${name}'`, resolveDirOf(name)),
      'openapi-fetch',
      openapiFetch,
    )
  }
  const webhooks = await gzipBytes(`export * from '@amigo-ai/webhooks'`)
  row('@amigo-ai/webhooks (whole entry)', webhooks, '2 KB budget', 2048, { max: 1 })
  row(
    'webhook handler app: parseWebhookEvent',
    await gzipBytes(VERIFY_APP),
    'same app on standardwebhooks',
    await gzipBytes(STANDARDWEBHOOKS_APP),
  )
  const sse = await gzipBytes(SSE_APP)
  row('browser SSE app: subscribeToWorkspaceEvents', sse, '6 KB budget', 6144, { max: 1 })
  row(
    'browser SSE app: subscribeToWorkspaceEvents',
    sse,
    'same app on eventsource',
    await gzipBytes(EVENTSOURCE_APP),
  )
  row(
    'tree-shaken app: list agents via @amigo-ai/platform-sdk',
    await gzipBytes(LIST_AGENTS_UMBRELLA),
    'same app on openapi-fetch',
    await gzipBytes(LIST_AGENTS_OPENAPI_FETCH),
  )
  log('bundle sizes done')
  return rows
}
