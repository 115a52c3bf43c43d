// The dashboard app in a real headless Chromium (Debian's, driven by playwright-core, as in the
// runtime matrix): its page, bundled for the browser from the app's own node_modules, is served
// by scripts/runtimes/platform.mjs next to a platform mock that emits workspace events over SSE.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { ensureChromium, installPlaywright } from '../../runtimes/install.mjs'
import { chromiumArgs, chromiumPath } from '../../runtimes/pins.mjs'
import { EVENTS, loadMock, startPlatform, WARMUP_TYPE } from '../../runtimes/platform.mjs'
import { installApp } from './install-app.mjs'

const page = (config) => `<!doctype html>
<meta charset="utf-8"><title>workspace events</title>
<ul id="events"></ul>
<script>globalThis.__DASHBOARD_CONFIG = ${JSON.stringify(config)}</script>
<script type="module" src="/dashboard.js"></script>`

/** Installs the dashboard with only @amigo-ai/realtime and renders events in Chromium (mock from `serviceDir`). */
export async function dashboardApp(ctx, serviceDir) {
  const { t } = ctx
  const { dir, installed } = await installApp(ctx, 'dashboard', ['dashboard.mjs'], ['@amigo-ai/realtime'])
  const ours = installed.filter((p) => p.name.startsWith('@amigo-ai/')).map((p) => p.name)
  t.check(
    'dashboard: the only @amigo-ai packages are realtime and its core',
    ours.sort().join() === '@amigo-ai/core,@amigo-ai/realtime',
    ours.join(', '),
  )
  const js = await bundleForBrowser(t, join(dir, 'dashboard.mjs'))
  const chromium = await launchChromium(ctx)
  const platform = await startPlatform(await loadMock(serviceDir))
  const profile = mkdtempSync(join(tmpdir(), 'amigo-rehearsal-chromium-'))
  let browser
  try {
    const config = {
      workspaceId: platform.mock.workspaceId,
      token: platform.mock.apiKey,
      warmupType: WARMUP_TYPE,
      expected: EVENTS.length,
    }
    platform.files['/'] = ['text/html', page(config)]
    platform.files['/dashboard.js'] = ['text/javascript', js]
    t.info(
      `serving the page and the mock's event stream on ${platform.origin} (platform mock from <work>/apps/service)`,
    )
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    })
    await checkRendered(t, await browser.newPage(), platform.origin)
  } finally {
    await browser?.close()
    await platform.close()
    rmSync(profile, { recursive: true, force: true })
  }
}

/** `entry` bundled for the browser with esbuild, as a dashboard's build would. */
async function bundleForBrowser(t, entry) {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  })
  const js = bundle.outputFiles[0].text
  t.info(
    `bundled dashboard.mjs for the browser with esbuild: ${(js.length / 1024).toFixed(1)} KB, ${js.includes('require("ws")') ? 'with' : 'without'} ws`,
  )
  return js
}

/** Opens the page in `tab` and checks it rendered every workspace event, in order. */
async function checkRendered(t, tab, origin) {
  const errors = []
  tab.on('pageerror', (err) => errors.push(String(err)))
  await tab.goto(`${origin}/`)
  await tab.waitForSelector('body[data-done]', { timeout: 30_000 }).catch(() => {})
  const done = await tab.getAttribute('body', 'data-done')
  const rendered = await tab.$$eval('#events li', (lis) => lis.map((li) => li.textContent))
  const expected = EVENTS.map(([type]) => type)
  const ok =
    done === 'events' && JSON.stringify(rendered.map((r) => r.split(' ')[0])) === JSON.stringify(expected)
  t.check(
    'dashboard: Chromium renders the workspace events in order',
    ok,
    `${rendered.join(' | ') || 'nothing'}${done === 'events' ? '' : ` (page state: ${done ?? 'unfinished'}${errors.length ? `; ${errors.join('; ')}` : ''})`}`,
  )
}

async function launchChromium(ctx) {
  const log = (line) => ctx.t.info(line)
  ensureChromium(log)
  const modules = installPlaywright(log)
  const { chromium } = await import(pathToFileURL(join(modules, 'playwright-core', 'index.mjs')).href)
  ctx.t.info(`Chromium ${chromiumPath} driven by playwright-core from ${modules}`)
  return chromium
}
