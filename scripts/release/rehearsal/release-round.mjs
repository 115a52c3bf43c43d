// One release in the throwaway copy, as a maintainer would run it: add changesets, look at
// `pnpm release:dry`, run `pnpm release`, then check on the registry what was published.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { workspacePackages } from '../../lib/workspace.mjs'
import { StepFailed } from './context.mjs'
import { internalDependencies, packument, publishedManifest, tarballFiles } from './registry-read.mjs'

/** `Map(name -> { version, dir })` of the copy's public packages. */
const publicVersions = (copy) =>
  new Map(
    workspacePackages(copy)
      .filter((p) => !p.private)
      .map((p) => [p.name, { version: p.version, dir: p.dir }]),
  )

/** The newest entry of a CHANGELOG.md: from its first `## ` heading to the next one. */
function newestEntry(dir) {
  const text = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')
  const start = text.indexOf('\n## ')
  const end = text.indexOf('\n## ', start + 1)
  return text.slice(start + 1, end === -1 ? undefined : end).trim()
}

/**
 * Adds `changesets` ({ file: text }) to the copy, shows the dry run (unless `dry` is false: the
 * release prints what it versions and publishes anyway), releases, and checks that each released
 * version is on the registry with its CHANGELOG entry. Resolves `{ before, after, changed,
 * released }`: `changed` got a new version from `changeset version`, `released` is what the
 * registry gained (with no pending changeset, as right after a "Version Packages" merge, the first
 * round publishes the versions as they are).
 */
export async function releaseRound(ctx, changesets = {}, { dry = true } = {}) {
  const { t } = ctx
  for (const [file, text] of Object.entries(changesets)) {
    writeFileSync(join(ctx.copy, '.changeset', file), text)
    t.info(`added .changeset/${file}:`)
    t.output(text)
  }
  const before = publicVersions(ctx.copy)
  const onRegistry = async (versions) =>
    new Set(
      (
        await Promise.all(
          [...versions].map(async ([name, { version }]) =>
            (await publishedManifest(ctx.registry.url, name, version)) ? `${name}@${version}` : null,
          ),
        )
      ).filter(Boolean),
    )
  const publishedBefore = await onRegistry(before)
  if (dry) await ctx.sh('pnpm', ['release:dry'])
  await ctx.sh('pnpm', ['release'], { timeoutMs: 420_000 })
  const after = publicVersions(ctx.copy)
  const changed = [...after.keys()].filter((name) => before.get(name)?.version !== after.get(name).version)
  t.info('versions in the copy after `changeset version`:')
  for (const [name, { version }] of after) {
    const was = before.get(name)?.version
    t.info(`  ${name.padEnd(26)} ${was === version ? `${version} (unchanged)` : `${was} -> ${version}`}`)
  }
  const publishedAfter = await onRegistry(after)
  const released = [...after.keys()].filter((name) => {
    const id = `${name}@${after.get(name).version}`
    return publishedAfter.has(id) && !publishedBefore.has(id)
  })
  for (const name of changed) {
    const { version } = after.get(name)
    if (!t.check(`${name}@${version} is on the registry`, released.includes(name))) {
      throw new StepFailed(`${name}@${version} was not published`)
    }
  }
  for (const name of released) {
    const { version, dir } = after.get(name)
    const entry = newestEntry(dir)
    t.check(
      `${name} CHANGELOG.md starts with ${version}`,
      entry.startsWith(`## ${version}\n`),
      entry.split('\n')[0],
    )
    t.info(`CHANGELOG.md of ${name}, newest entry:`)
    t.output(entry)
  }
  return { before, after, changed, released }
}

/** What the published manifests and tarballs of `released` hold: no `workspace:` range, CHANGELOG.md shipped. */
export async function checkPublished(ctx, { after, released }) {
  const { t, registry } = ctx
  for (const name of released) {
    const { version } = after.get(name)
    const manifest = await publishedManifest(registry.url, name, version)
    const ranges = Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })
    const leaked = ranges.filter(([, range]) => range.startsWith('workspace:'))
    const internal = internalDependencies(manifest).map(([dep, range]) => `${dep} ${range}`)
    t.check(
      `${name}@${version} manifest has no workspace: range`,
      leaked.length === 0,
      leaked.length
        ? leaked.map(([d, r]) => `${d} ${r}`).join(', ')
        : internal.length
          ? internal.join(', ')
          : 'no @amigo-ai dependencies',
    )
    const files = await tarballFiles(registry.url, name, version)
    t.check(
      `${name}@${version} tarball ships CHANGELOG.md and README.md`,
      files.includes('CHANGELOG.md') && files.includes('README.md'),
      `${files.length} files: ${files.filter((f) => !f.startsWith('dist/')).join(', ')} + ${files.filter((f) => f.startsWith('dist/')).length} in dist/`,
    )
  }
}

/** Every private workspace project is absent from the registry. */
export async function checkPrivateNeverPublished(ctx) {
  for (const p of workspacePackages(ctx.copy).filter((p) => p.private)) {
    const doc = await packument(ctx.registry.url, p.name)
    ctx.t.check(
      `${p.name} (private) is not on the registry`,
      doc === null,
      doc ? `versions ${Object.keys(doc.versions)}` : '404',
    )
  }
}
