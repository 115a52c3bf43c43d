// Enforces the layering in docs/architecture.md: who may import whom, which runtime dependencies each
// published package may declare (as caret ranges, so apps dedupe them and receive their fixes; the
// lockfile keeps our own installs reproducible), and where Node-only modules may appear.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const root = new URL('..', import.meta.url).pathname

/**
 * Per package: workspace packages it may import, third-party deps allowed and folders where node: is
 * allowed. In every package the folders of src/ import one way only (no folder cycle).
 */
export const rules = {
  core: { ours: [], deps: [], nodeOk: [] },
  webhooks: { ours: [], deps: [], nodeOk: [] },
  realtime: {
    ours: ['@amigo-ai/core'],
    deps: ['eventsource-parser', 'ws'],
    nodeOk: ['src/node/'],
    wsOk: ['src/node/'],
  },
  'auth-node': { ours: ['@amigo-ai/core'], deps: ['open'], nodeOk: ['src/node/'] },
  'platform-sdk': {
    ours: ['@amigo-ai/core', '@amigo-ai/realtime', '@amigo-ai/webhooks', '@amigo-ai/auth-node'],
    // Its Node build carries the code of the four packages above (tsup.config.ts), so it declares
    // what that code loads: realtime's parser and the optional peers realtime and auth-node load by name.
    deps: ['eventsource-parser', 'ws', 'open'],
    nodeOk: [],
  },
  mock: { ours: '*', deps: '*', nodeOk: ['src/'] },
  // The CLI is the one program built from every package, the mock included (loaded by `amigo mock`
  // and `amigo webhooks trigger`); it runs only on Node. Nothing imports the CLI.
  cli: {
    ours: [
      '@amigo-ai/core',
      '@amigo-ai/webhooks',
      '@amigo-ai/auth-node',
      '@amigo-ai/platform-sdk',
      '@amigo-ai/platform-mock',
    ],
    // `open` is auth-node's optional peer, which the CLI provides so `amigo login` opens a browser.
    deps: ['commander', '@clack/prompts', 'picocolors', 'open'],
    nodeOk: ['src/'],
    mockOk: true,
  },
}

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? walk(p) : /\.(ts|mts|cts|js|mjs)$/.test(name) ? [p] : []
  })

const specifierRe =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|require\s*\(\s*['"]([^'"]+)['"]\s*\)/g

/** Every layering problem of the workspace at `base` (default: this repository). */
export function check(base = root) {
  const problems = []
  for (const [dir, rule] of Object.entries(rules)) {
    const pkgDir = join(base, 'packages', dir)
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
    const declared = Object.keys(pkg.dependencies ?? {})
    const declaredPeers = Object.keys(pkg.peerDependencies ?? {})
    problems.push(...dependencyProblems(pkg, rule))
    const folderEdges = new Map()
    for (const file of walk(join(pkgDir, 'src'))) {
      const rel = relative(pkgDir, file)
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(specifierRe)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? m[4]
        if (spec.startsWith('.')) {
          addFolderEdge(folderEdges, pkgDir, file, spec)
          continue
        }
        const where = `${pkg.name} ${rel}`
        if (spec === '@amigo-ai/cli') {
          problems.push(`${where} imports the CLI; nothing may`)
          continue
        }
        if (spec === '@amigo-ai/platform-mock' && dir !== 'mock' && !rule.mockOk) {
          problems.push(`${where} imports the mock; only the CLI, tests, examples and bench may`)
          continue
        }
        if (spec.startsWith('@amigo-ai/')) {
          const name = spec.split('/').slice(0, 2).join('/')
          if (rule.ours !== '*' && !rule.ours.includes(name))
            problems.push(`${where} imports ${name}; its layer forbids it`)
          continue
        }
        if (
          spec.startsWith('node:') ||
          ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net'].includes(spec)
        ) {
          if (!rule.nodeOk.some((p) => rel.startsWith(p)))
            problems.push(
              `${where} imports Node-only "${spec}" outside ${rule.nodeOk.join(', ') || 'any allowed folder'}`,
            )
          continue
        }
        const bare = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]
        if (rule.deps !== '*' && !rule.deps.includes(bare))
          problems.push(`${where} imports "${bare}", not allowed for its layer`)
        else if (rule.deps !== '*' && !declared.includes(bare) && !declaredPeers.includes(bare))
          problems.push(`${where} imports "${bare}" without declaring it`)
        if (bare === 'ws' && rule.wsOk && !rule.wsOk.some((p) => rel.startsWith(p)))
          problems.push(
            `${where} imports ws outside ${rule.wsOk.join(', ')} (it must never reach a browser bundle)`,
          )
      }
    }
    for (const cycle of cyclesOf(folderEdges))
      problems.push(`${pkg.name} has a cycle between folders: ${cycle.join(' -> ')}`)
  }
  return problems
}

/** What is wrong with the dependencies `pkg` declares: one its layer forbids, or an exact pin. */
function dependencyProblems(pkg, rule) {
  const problems = []
  const all = { ...pkg.dependencies, ...pkg.peerDependencies }
  for (const [dep, range] of Object.entries(all)) {
    if (dep === '@amigo-ai/cli') {
      problems.push(`${pkg.name} declares dependency "${dep}"; nothing may depend on the CLI`)
      continue
    }
    const ok = dep.startsWith('@amigo-ai/')
      ? rule.ours === '*' || rule.ours.includes(dep)
      : rule.deps === '*' || rule.deps.includes(dep)
    if (!ok) problems.push(`${pkg.name} declares dependency "${dep}", which its layer does not allow`)
    if (!pkg.private && !/^(\^\d|workspace:\^$)/.test(range))
      problems.push(
        `${pkg.name} pins "${dep}" to "${range}"; published packages depend on a caret range (^x.y.z)`,
      )
  }
  return problems
}

/** The first-level folder of `src/` a file lives in (`src/tokens`), or undefined for files at the top. */
const folderOf = (pkgDir, file) => {
  const parts = relative(join(pkgDir, 'src'), file).split('/')
  return parts.length > 1 && parts[0] !== '..' ? `src/${parts[0]}` : undefined
}

/** Notes that `file` imports the folder relative specifier `spec` lands in, when that is another folder. */
function addFolderEdge(edges, pkgDir, file, spec) {
  const from = folderOf(pkgDir, file)
  const to = folderOf(pkgDir, resolve(dirname(file), spec))
  if (from && to && to !== from) edges.set(from, new Set([...(edges.get(from) ?? []), to]))
}

/**
 * Cycles in a package's folder graph (`tokens` importing `device-code` and back): a folder is a
 * layer, and layers import one way. Each cycle once, starting from its smallest folder.
 */
function cyclesOf(edges) {
  const cycles = new Map()
  const visit = (node, path) => {
    if (path.includes(node)) {
      const cycle = [...path.slice(path.indexOf(node)), node]
      if (cycle[0] === [...cycle.slice(0, -1)].sort()[0]) cycles.set(cycle.join(' '), cycle)
      return
    }
    for (const next of edges.get(node) ?? []) visit(next, [...path, node])
  }
  for (const node of edges.keys()) visit(node, [])
  return [...cycles.values()]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = check()
  for (const p of problems) console.error(`layering: ${p}`)
  if (problems.length) process.exit(1)
  console.log(`layering: ok (${Object.keys(rules).length} packages)`)
}
