// webpack (pinned in pins.mjs; since 5.107 its default conditions include `module-sync`, for
// `require()` as for `import`) builds the lite and AmigoClient agents apps from the installed tarballs
// for browsers and for web workers, once written with `import` and once with `require()`. The
// `require()` build must take the ES module web builds, no `.cjs` file, and come within 5 % of the
// `import` build's size: handed the CommonJS web build, webpack cannot tree-shake (the lite app was
// about three times its size). The `require()` bundles must also run, calling the API through a
// stubbed fetch.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const APPS = {
  lite: {
    import: "import { AgentsResource, createAmigo } from '@amigo-ai/platform-sdk/lite'",
    require: "const { AgentsResource, createAmigo } = require('@amigo-ai/platform-sdk/lite')",
    call: "new AgentsResource(createAmigo({ apiKey: 'key', workspaceId: 'ws' })).list({ limit: 10 })",
  },
  AmigoClient: {
    import: "import { AmigoClient } from '@amigo-ai/platform-sdk'",
    require: "const { AmigoClient } = require('@amigo-ai/platform-sdk')",
    call: "new AmigoClient({ apiKey: 'key', workspaceId: 'ws' }).agents.list({ limit: 10 })",
  },
}
const TARGETS = ['web', 'webworker']
// How much larger the require() app may be: webpack keeps a little more of a module it cannot see
// being destructured at once (about 1-2 %), and none of it for a tree-shaken ES module build.
const MAX_REQUIRE_RATIO = 1.05
const EXPECTED_URL = 'https://api.platform.amigo.ai/v1/ws/agents?limit=10'

// Runs a web bundle in Node: `self` for webpack's runtime, and a fetch that records the URL and
// answers one page of one agent.
const RUNNER = `globalThis.self = globalThis
globalThis.fetch = async (input) => {
  globalThis.__url = String(input?.url ?? input)
  return new Response(JSON.stringify({ items: [{ id: 'a1' }], has_more: false }), {
    headers: { 'content-type': 'application/json' },
  })
}
globalThis.__done = (page) => console.log(JSON.stringify({ url: globalThis.__url, items: page.items }))
require('node:vm').runInThisContext(require('node:fs').readFileSync(process.argv[1], 'utf8'))`

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`

/** Builds one entry; resolves with the @amigo-ai files the build read and the output's path. */
function bundle(webpack, dir, name, source, target) {
  const entry = join(dir, `${name}.js`)
  writeFileSync(entry, source)
  const outDir = join(dir, 'out', name)
  const config = {
    mode: 'production',
    target,
    context: dir,
    entry,
    devtool: false,
    performance: { hints: false },
    output: { path: outDir, filename: 'main.js' },
  }
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err || stats.hasErrors() || stats.hasWarnings()) {
        const { errors, warnings } = stats?.toJson({ all: false, errors: true, warnings: true }) ?? {}
        const msgs = [...(errors ?? []), ...(warnings ?? [])].map((m) => m.message)
        return reject(new Error(`webpack ${name}: ${err?.message ?? msgs.join('\n')}`))
      }
      const files = [...stats.compilation.fileDependencies]
        .map((f) => f.match(/node_modules\/@amigo-ai\/([^/]+\/dist\/.+\.c?js)$/)?.[1])
        .filter(Boolean)
        .sort()
      resolve({ files, output: join(outDir, 'main.js') })
    })
  })
}

/** Runs a `require()` bundle with the stubbed fetch; returns a problem, or undefined when it worked. */
function runBundle(output) {
  const r = spawnSync(process.execPath, ['-e', RUNNER, output], { encoding: 'utf8', timeout: 30_000 })
  const line = r.stdout.trim().split('\n').pop() ?? ''
  let got
  try {
    got = JSON.parse(line)
  } catch {
    return `the bundle did not run: ${(r.stderr || line || `exit ${r.status}`).slice(0, 500)}`
  }
  if (got.url !== EXPECTED_URL || got.items?.[0]?.id !== 'a1')
    return `the bundle called ${got.url} and got ${JSON.stringify(got.items)}`
}

/** One app for one target: the import and require() builds, compared, and the require() one run. */
async function checkApp(webpack, dir, app, target) {
  const { call, ...heads } = APPS[app]
  const built = {}
  for (const [style, head] of Object.entries(heads))
    built[style] = await bundle(
      webpack,
      dir,
      `${app}-${target}-${style}`,
      `${head}\n${call}.then(__done)\n`,
      target,
    )
  const problems = []
  const cjs = built.require.files.filter((f) => f.endsWith('.cjs'))
  if (cjs.length) problems.push(`require() took CommonJS builds: ${cjs.join(', ')}`)
  const [required, imported] = [built.require, built.import].map(
    (b) => gzipSync(readFileSync(b.output), { level: 9 }).length,
  )
  const sizes = `${kb(required)} gzip with require(), ${kb(imported)} with import`
  if (required > imported * MAX_REQUIRE_RATIO) problems.push(`${sizes}: more than ${MAX_REQUIRE_RATIO}x`)
  const ran = runBundle(built.require.output)
  if (ran) problems.push(ran)
  const detail = problems.length
    ? problems.join('; ')
    : `require() takes ${built.require.files.join(', ')}; ${sizes}; it ran`
  return { check: 'webpack', ok: problems.length === 0, detail: `${app}, target ${target}: ${detail}` }
}

/** Every app and target, from the tarball app `appDir`; webpack comes from `nodeModules`. */
export async function runWebpack({ app: appDir, bins }) {
  const webpack = createRequire(join(bins.nodeModules, 'noop.js'))('webpack')
  // Inside the app, so that the entries resolve the installed tarballs through its node_modules.
  const dir = mkdtempSync(join(appDir, '.webpack-'))
  try {
    const out = []
    for (const app of Object.keys(APPS))
      for (const target of TARGETS) out.push(await checkApp(webpack, dir, app, target))
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
