// What a release would do, read the way changesets reads it: the release plan of the pending
// changesets (`@changesets/get-release-plan`, the library `changeset version` itself uses, which
// needs no git history), and which public versions the registry does not have yet (exactly what
// `changeset publish` publishes).
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { publicPackages, repoRoot } from '../lib/workspace.mjs'

const require = createRequire(import.meta.url)

/**
 * The pending changesets' release plan: `[{ name, type, oldVersion, newVersion, summaries }]` for
 * every package a release would bump (type 'none' left out), in the workspace order.
 */
export async function releasePlan(root = repoRoot) {
  const { default: getReleasePlan } = require('@changesets/get-release-plan')
  const plan = await getReleasePlan(root)
  // The first paragraph of each changeset, on one line, for a readable plan.
  const summary = new Map(
    plan.changesets.map((c) => [c.id, c.summary.split('\n\n')[0].replace(/\s*\n\s*/g, ' ')]),
  )
  return plan.releases
    .filter((r) => r.type !== 'none')
    .map((r) => ({
      name: r.name,
      type: r.type,
      oldVersion: r.oldVersion,
      newVersion: r.newVersion,
      summaries: r.changesets.map((id) => summary.get(id)),
    }))
}

/** The registry npm (and so changesets) uses from `root`: `.npmrc`, environment, or npm's default. */
export function configuredRegistry(root = repoRoot) {
  return npm(['config', 'get', 'registry'], root).then((r) => r.stdout.trim())
}

/** True when `name@version` is on `registry`; false on a 404; throws on any other answer. */
async function isPublished(name, version, registry, root = repoRoot) {
  const r = await npm(['view', `${name}@${version}`, 'version', '--json', `--registry=${registry}`], root)
  if (r.code === 0) return r.stdout.trim() !== ''
  if (/E404|404 Not Found|is not in this registry/.test(r.stderr)) return false
  throw new Error(`npm view ${name}@${version} on ${registry} failed:\n${r.stderr.trim()}`)
}

/** Public packages whose current version is not on `registry`: what `changeset publish` will publish. */
export async function unpublished(registry, root = repoRoot) {
  const pkgs = publicPackages(root)
  const published = await Promise.all(pkgs.map((p) => isPublished(p.name, p.version, registry, root)))
  return pkgs.filter((_, i) => !published[i])
}

function npm(args, cwd) {
  return new Promise((resolve) => {
    execFile('npm', args, { cwd, encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ code: err ? (err.code ?? 1) : 0, stdout, stderr }),
    )
  })
}
