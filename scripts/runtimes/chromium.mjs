// A real headless Chromium (Debian's, driven by playwright-core; never a downloaded browser): a
// page bundling @amigo-ai/realtime and @amigo-ai/webhooks for the browser subscribes to the local
// platform's event stream and verifies a signed payload. The page is served by the harness on the
// same origin as a forwarder to the mock; results are read from the page's DOM.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { chromiumArgs, chromiumPath } from './pins.mjs'
import { EVENTS, platformFor, WARMUP_TYPE } from './platform.mjs'

const html = (config) => `<!doctype html>
<meta charset="utf-8"><title>amigo runtime matrix</title>
<ul id="events"></ul><pre id="results"></pre>
<script>globalThis.__RUNTIME_CONFIG = ${JSON.stringify(config)}</script>
<script type="module" src="/page.js"></script>`

/** Bundles the page for the browser from inside the app (so imports resolve to the tarballs). */
async function bundlePage(app) {
  const dir = join(app, '.tmp', 'browser')
  mkdirSync(dir, { recursive: true })
  const entry = join(dir, 'page.src.mjs')
  copyFileSync(new URL('./fixtures/browser-page.mjs', import.meta.url).pathname, entry)
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  return out.outputFiles[0].text
}

/** Runs the requested browser checks ('browser-webhooks', 'browser-events'). */
export async function runChromium({ app, checks, bins }) {
  const fail = (detail) => checks.map((check) => ({ check, ok: false, detail }))
  let bundle
  try {
    bundle = await bundlePage(app)
  } catch (err) {
    return fail(`esbuild failed: ${(err.errors ?? []).map((e) => e.text).join('; ') || err.message}`)
  }
  const { chromium } = await import(
    pathToFileURL(join(bins.nodeModules, 'playwright-core', 'index.mjs')).href
  )
  // The server always serves the page; it forwards to a mock only when a check needs one.
  const { platform, runnable, failed } = await platformFor(app, checks)
  const profile = mkdtempSync(join(tmpdir(), 'amigo-chromium-'))
  let context
  try {
    if (!runnable.length) return failed
    const config = {
      checks: runnable.map((c) => c.replace('browser-', '')),
      workspaceId: platform.mock?.workspaceId,
      apiKey: platform.mock?.apiKey,
      warmupType: WARMUP_TYPE,
    }
    platform.files['/'] = ['text/html', html(config)]
    platform.files['/page.js'] = ['text/javascript', bundle]
    // launchPersistentContext passes the fresh profile folder as --user-data-dir.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    })
    const page = await context.newPage()
    const errors = []
    page.on('pageerror', (err) => errors.push(String(err)))
    await page.goto(`${platform.origin}/`)
    await page.waitForSelector('body[data-done="1"]', { timeout: 60_000 }).catch(() => {})
    const text = await page.textContent('#results')
    const rendered = await page.$$eval('#events li', (lis) => lis.map((li) => li.dataset.type))
    if (!text) return fail(`the page never finished${errors.length ? `: ${errors.join('; ')}` : ''}`)
    const results = JSON.parse(text).map((r) => ({ ...r, check: `browser-${r.check}` }))
    // Independently of the page's own verdict, the DOM must show exactly the emitted events.
    const events = results.find((r) => r.check === 'browser-events')
    const expected = EVENTS.map(([type]) => type)
    if (events?.ok && JSON.stringify(rendered) !== JSON.stringify(expected)) {
      Object.assign(events, {
        ok: false,
        detail: `DOM shows ${rendered.join(', ')}; expected ${expected.join(', ')}`,
      })
    }
    return results.concat(failed)
  } finally {
    await context?.close()
    await platform.close()
    rmSync(profile, { recursive: true, force: true })
  }
}
