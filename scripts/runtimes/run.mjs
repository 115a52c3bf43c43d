// `pnpm test:runtimes`: the SDK where its users run it. Node 20/22/24 run the whole unit suite;
// the packed tarballs, installed into a temporary app, are exercised in Bun, Deno, Cloudflare
// Workers (miniflare's workerd) and a real headless Chromium; the umbrella is bundled for a
// browser and a Worker by esbuild, and small apps by webpack. Runtimes are installed into
// .cache/runtimes (reused between runs).
//
//   node scripts/runtimes/run.mjs [--no-build] [node20 node22 node24 bundles bun deno workers chromium]
//
// --no-build skips `turbo run build` (when dist is already fresh). A check whose package does not
// import or export what it uses fails, naming the missing piece. Prints one line per check and per
// runtime, timings, and ends with "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { checkBudgets, checkBundles } from '../check-bundles.mjs'
import { createApp, loadPackages, missing } from './app.mjs'
import { runBun } from './bun.mjs'
import { needs } from './checks.mjs'
import { runChromium } from './chromium.mjs'
import { runDeno } from './deno.mjs'
import { ensureChromium, installNpmRuntimes } from './install.mjs'
import { nodeSuite } from './node-suites.mjs'
import { chromiumPath } from './pins.mjs'
import { runWebpack } from './webpack.mjs'
import { runWorkers } from './workers.mjs'

const root = new URL('../..', import.meta.url).pathname
const argv = process.argv.slice(2)
const noBuild = argv.includes('--no-build')
const only = argv.filter((a) => !a.startsWith('--'))
const known = ['node20', 'node22', 'node24', 'bundles', 'bun', 'deno', 'workers', 'chromium']
const unknown = [
  ...only.filter((a) => !known.includes(a)),
  ...argv.filter((a) => a.startsWith('--') && a !== '--no-build'),
]
if (unknown.length) {
  console.error(`unknown argument ${unknown.join(', ')}; runtimes: ${known.join(' ')}; flag: --no-build`)
  process.exit(2)
}
const wanted = (id) => !only.length || only.includes(id)
const started = Date.now()
const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)}s`
const log = (line) => console.log(line)
const indent = (text) => text.replace(/\n/g, '\n      ')

/** Every result line, for the summary. */
const results = []
const runtimes = []

// Anything unexpected still ends with the summary line and a failing exit code.
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (err) => {
    log(`✗ harness error: ${err?.stack ?? err}`)
    const count = (st) => results.filter((r) => r.status === st).length
    log(`${count('pass')} passed, ${count('fail') + 1} failed`)
    process.exit(1)
  })
}

function record(runtime, check, status, detail) {
  results.push({ runtime, check, status })
  log(`  ${status === 'pass' ? '✓' : '✗'} ${check}: ${indent(detail)}`)
}

/**
 * Runs one runtime's checks (failing at once those whose packages lack what they use), with a hard
 * timeout. `since` is when its work began, for checks started before their group is reported.
 */
async function group(id, label, checks, fn, timeoutMs = 240_000, since = Date.now()) {
  if (!wanted(id)) return
  const t = since
  log(`\n━━ ${label}`)
  const runnable = []
  for (const check of checks) {
    const gap = needs[check] ? missing(mods, needs[check]) : null
    if (gap) record(label, check, 'fail', gap)
    else runnable.push(check)
  }
  if (runnable.length) {
    let timer
    const out = await Promise.race([
      fn(runnable).catch((err) =>
        runnable.map((check) => ({ check, ok: false, detail: String(err?.stack ?? err) })),
      ),
      new Promise((resolve) => {
        timer = setTimeout(
          () =>
            resolve(
              runnable.map((check) => ({ check, ok: false, detail: `timed out after ${timeoutMs} ms` })),
            ),
          timeoutMs,
        )
      }),
    ])
    clearTimeout(timer)
    for (const r of out) record(label, r.check, r.ok ? 'pass' : 'fail', r.detail)
  }
  const mine = results.filter((r) => r.runtime === label)
  const status = mine.some((r) => r.status === 'fail') ? 'FAIL' : 'PASS'
  runtimes.push(`${status.padEnd(4)} ${label} (${secs(t)})`)
  log(`━━ ${label}: ${status.toLowerCase()} (${secs(t)})`)
}

const version = (bin, args = ['--version']) =>
  spawnSync(bin, args, { encoding: 'utf8' }).stdout.trim().split('\n')[0].split(' ').slice(0, 2).join(' ')

// 1. Runtimes.
let t = Date.now()
let bins
try {
  bins = installNpmRuntimes(log)
  if (wanted('chromium')) ensureChromium(log)
} catch (err) {
  log(`✗ installing the runtimes failed: ${err.message}`)
  log('0 passed, 1 failed')
  process.exit(1)
}
log(
  `runtimes ready (${secs(t)}): node ${bins.node20Version} ${bins.node22Version} ${bins.node24Version}, bun ${bins.bunVersion}, ${version(bins.deno)}`,
)

// 2. Build (the tarballs are packed from dist, and examples' tests use it too), then pack and
// install the tarballs into a temp app, and see what the packages export.
let app
let mods = {}
if (!noBuild) {
  t = Date.now()
  const b = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--concurrency=2', '--output-logs=errors-only'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  if (b.status !== 0) {
    log('✗ build failed; nothing can be tested')
    log('0 passed, 1 failed')
    process.exit(1)
  }
  log(`build (${secs(t)})`)
}
if (['bundles', 'bun', 'deno', 'workers', 'chromium'].some(wanted)) {
  t = Date.now()
  try {
    app = createApp()
    mods = await loadPackages(app.app, app.tarballs)
  } catch (err) {
    log(`✗ packing or installing the tarballs failed: ${err.message}`)
    log('0 passed, 1 failed')
    process.exit(1)
  }
  log(`packed ${Object.keys(app.tarballs).length} packages and installed them into ${app.app} (${secs(t)})`)
}

try {
  // 3. The umbrella bundled for a browser and for a Worker.
  await group('bundles', 'esbuild bundles of @amigo-ai/platform-sdk', ['bundles'], async () => {
    const out = [...(await checkBundles(app.app)), ...(await checkBudgets(app.app))]
    return [
      {
        check: 'bundles',
        ok: out.every((r) => r.ok),
        detail: out.map((r) => `${r.name}: ${r.detail}`).join('\n'),
      },
    ]
  })

  const wp = JSON.parse(readFileSync(join(bins.nodeModules, 'webpack', 'package.json'), 'utf8')).version
  await group('bundles', `webpack ${wp} bundles, import and require()`, ['webpack'], () =>
    runWebpack({ app: app.app, bins }),
  )

  // 4. Bun and Deno run the scenario from the tarball app.
  const scenario = ['webhooks', 'agents', 'events']
  await group('bun', `bun ${bins.bunVersion}`, scenario, (checks) => runBun({ app: app.app, checks, bins }))
  await group('deno', version(bins.deno), scenario, (checks) => runDeno({ app: app.app, checks, bins }))

  // 5. Cloudflare Workers in miniflare's workerd.
  const mf = JSON.parse(readFileSync(join(bins.nodeModules, 'miniflare', 'package.json'), 'utf8')).version
  await group('workers', `workerd (miniflare ${mf})`, ['worker-webhooks', 'worker-platform'], (checks) =>
    runWorkers({ app: app.app, checks, bins }),
  )

  // 6. Headless Chromium.
  if (wanted('chromium')) {
    await group('chromium', version(chromiumPath), ['browser-webhooks', 'browser-events'], (checks) =>
      runChromium({ app: app.app, checks, bins }),
    )
  }
} finally {
  if (app) rmSync(app.work, { recursive: true, force: true })
}

// 7. The whole unit suite under each Node version (last: the longest part).
// The versions run at the same time (each writes its own reports), so a suite waiting on sockets or
// child processes leaves its core to the other: about 235 s for both on two cores. Reported in order.
const majors = ['20', '22', '24'].filter((major) => wanted(`node${major}`))
const suitesStarted = Date.now()
const suites = new Map(
  majors.map((major) => [
    major,
    nodeSuite(bins[`node${major}`], bins[`node${major}Version`]).catch((err) => ({
      ok: false,
      detail: `the suite did not run: ${err?.message ?? err}`,
    })),
  ]),
)
for (const major of majors) {
  await group(
    `node${major}`,
    `node ${bins[`node${major}Version`]}`,
    ['unit suite'],
    async () => [{ check: 'unit suite', ...(await suites.get(major)) }],
    660_000,
    suitesStarted,
  )
}

// Summary.
const count = (s) => results.filter((r) => r.status === s).length
log(`\n━━ runtimes (${secs(started)} in all)`)
for (const line of runtimes) log(`  ${line}`)
log(`${count('pass')} passed, ${count('fail')} failed`)
process.exit(count('fail') ? 1 : 0)
