// Bundle size: each package, and small apps, bundled by esbuild for the browser (ESM, minified),
// then gzipped. Sizes are deterministic, so one build each; the ratio is against openapi-fetch
// (the one third-party library the request path builds on) or against a peer doing the same job.
import { builtinModules } from 'node:module'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { CLIENT_APP, LITE_APP, SSE_APP } from '../../scripts/check-bundles.mjs'
import { BENCH_DIR, PACKAGES, resolveDirOf } from '../lib/packages.mjs'

const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

/** Minified and gzipped bytes of an ESM bundle of `contents` resolved from `resolveDir`. */
async function gzipBytes(contents, resolveDir = BENCH_DIR, platform = 'browser') {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    external: platform === 'browser' ? external : [],
    // Resolve like a user's bundler, through package.json exports (not the workspace's tsconfig paths).
    tsconfigRaw: '{}',
  })
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length
}

// Measured side by side by the author of issue 16 (the official package is not on npm where this
// bench runs): the AmigoClient agents.list app on the official SDK 0.46, esbuild, node platform. For
// the browser platform the official package does not build.
const OFFICIAL_CLIENT_APP_NODE = 18.8 * 1024

const LIST_AGENTS_OPENAPI_FETCH = `
import createClient from 'openapi-fetch'
const client = createClient({ baseUrl: 'https://api.platform.amigo.ai', headers: { authorization: 'Bearer key' } })
const { data } = await client.GET('/v1/{workspace_id}/agents', { params: { path: { workspace_id: 'ws' }, query: { limit: 10 } } })
console.log(data.items.length)`
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
  const row = (figure, bytes, baseline, baseBytes, target, note = '', platform = 'browser') =>
    rows.push({
      section: 'Bundle size (min+gzip)',
      figure,
      baseline,
      work: `esbuild, ${platform}, ESM`,
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
  const onOpenapiFetch = await gzipBytes(LIST_AGENTS_OPENAPI_FETCH)
  for (const platform of ['node', 'browser']) {
    const client = await gzipBytes(CLIENT_APP, BENCH_DIR, platform)
    row('AmigoClient app: agents.list', client, '18 KB budget', 18 * 1024, { max: 1 }, '', platform)
    if (platform === 'node')
      row(
        'AmigoClient app: agents.list',
        client,
        'same app on the official SDK 0.46 (recorded, issue 16)',
        OFFICIAL_CLIENT_APP_NODE,
        undefined,
        '; recorded, not measured in this run',
        platform,
      )
    const lite = await gzipBytes(LITE_APP, BENCH_DIR, platform)
    row(
      'lite app: new AgentsResource(createAmigo()).list',
      lite,
      '8 KB budget',
      8 * 1024,
      { max: 1 },
      '',
      platform,
    )
    row(
      'lite app: new AgentsResource(createAmigo()).list',
      lite,
      'same app on openapi-fetch',
      onOpenapiFetch,
      undefined,
      '',
      platform,
    )
  }
  log('bundle sizes done')
  return rows
}
