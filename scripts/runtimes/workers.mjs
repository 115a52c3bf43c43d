// Cloudflare Workers: two workers bundled by esbuild from the installed tarballs (ESM, neutral
// platform, conditions workerd/worker/browser, no nodejs_compat), run in miniflare's workerd by a
// Node 22 child (miniflare needs Node >= 22): one verifies a webhook with @amigo-ai/webhooks, one
// lists agents from the local platform through @amigo-ai/platform-sdk.
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { targets } from '../check-bundles.mjs'
import { exec, parseResults, tail } from './exec.mjs'
import { platformFor } from './platform.mjs'

const fixture = (name) => new URL(`./fixtures/${name}`, import.meta.url).pathname

/** Bundles one worker fixture for workerd; returns the output path. */
async function bundleWorker(app, name) {
  const dir = join(app, '.tmp', 'workers')
  mkdirSync(dir, { recursive: true })
  // The entry sits inside the app, so every import resolves from the installed tarballs.
  const entry = join(dir, `${name}.src.mjs`)
  copyFileSync(fixture(`${name}.mjs`), entry)
  const outfile = join(dir, `${name}.js`)
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    outfile,
    logLevel: 'silent',
    ...targets.worker,
  })
  return outfile
}

/** Runs the requested worker checks ('worker-webhooks', 'worker-platform'). */
export async function runWorkers({ app, checks, bins }) {
  const bundles = {}
  const unbundled = []
  for (const check of checks) {
    try {
      bundles[check.replace('worker-', '')] = await bundleWorker(app, check)
    } catch (err) {
      const msgs = (err.errors ?? []).map((e) => e.text).join('; ')
      unbundled.push({ check, ok: false, detail: `esbuild failed: ${msgs || err.message}` })
    }
  }
  const bundled = checks.filter((check) => !unbundled.some((u) => u.check === check))
  const { platform, runnable, failed } = await platformFor(app, bundled)
  failed.push(...unbundled)
  const run = runnable.map((c) => c.replace('worker-', ''))
  try {
    if (!run.length) return failed
    const config = {
      miniflare: join(bins.nodeModules, 'miniflare', 'dist', 'src', 'index.js'),
      signModule: join(app, 'node_modules', '@amigo-ai', 'webhooks', 'dist', 'sign.js'),
      bundles,
      env: platform.env,
      checks: run,
    }
    const r = await exec(bins.node22, [fixture('workers-child.mjs')], {
      cwd: app,
      timeoutMs: 90_000,
      input: JSON.stringify(config),
    })
    const results = parseResults(r.stdout)
    const out = run.map((name) => {
      const found = results.find((x) => x.check === name)
      return found
        ? { ...found, check: `worker-${name}` }
        : {
            check: `worker-${name}`,
            ok: false,
            detail: `no result (exit ${r.code}${r.timedOut ? ', timed out' : ''})\n${tail(r.output)}`,
          }
    })
    return out.concat(failed)
  } finally {
    await platform.close()
  }
}
