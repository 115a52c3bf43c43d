// `pnpm release`: version the packages from the pending changesets (`changeset version`: bumps,
// CHANGELOG entries, changeset files removed), build and check the public packages whose version the
// registry does not have yet, then `changeset publish` exactly those. Private packages (bench,
// examples, test-server) are never published: changesets skips `"private": true` projects.
// The release workflow runs this after the "Version Packages" pull request is merged (versioning
// then finds no changeset and changes nothing); the rehearsal runs it against a local registry.
//
// `pnpm release:dry` (--dry) changes nothing: it prints the release plan (package, bump, new
// version, the changesets behind it), the versions already bumped but not yet published, the files
// each package to release would ship, and the packages that are never published.
//
// The registry is npm's configured one (`.npmrc`, `npm_config_registry`); it is printed first.
import { spawnSync } from 'node:child_process'
import { repoRoot as root, workspacePackages } from '../lib/workspace.mjs'
import { configuredRegistry, releasePlan, unpublished } from './plan.mjs'

const dry = process.argv.includes('--dry')

function run(title, cmd, args) {
  console.log(`\n━━ ${title}: ${cmd} ${args.join(' ')}`)
  const started = Date.now()
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] })
  const secs = ((Date.now() - started) / 1000).toFixed(1)
  if (r.status !== 0) {
    console.error(
      `✗ ${title} failed (exit ${r.status ?? r.signal}, ${secs}s); nothing was published by this step`,
    )
    process.exit(1)
  }
  console.log(`━━ ${title}: ok (${secs}s)`)
}

const versions = () => new Map(workspacePackages(root).map((p) => [p.name, p.version]))

async function release(registry) {
  const before = versions()
  run('version', 'pnpm', ['exec', 'changeset', 'version'])
  for (const [name, version] of versions()) {
    if (before.get(name) !== version) console.log(`  ${name}: ${before.get(name)} -> ${version}`)
  }
  const pending = await unpublished(registry, root)
  if (!pending.length) {
    console.log(`\nnothing to publish: every public version is already on ${registry}`)
    return
  }
  const names = pending.map((p) => p.name)
  console.log(`\nto publish on ${registry}: ${pending.map((p) => `${p.name}@${p.version}`).join(', ')}`)
  run('build', 'pnpm', [
    'exec',
    'turbo',
    'run',
    'build',
    '--concurrency=2',
    '--output-logs=errors-only',
    ...names.map((n) => `--filter=${n}`),
  ])
  run('publint + attw', 'node', ['scripts/check-packages.mjs', ...names])
  run('packed tarballs (ESM + CJS)', 'node', ['scripts/check-tarballs.mjs', ...names])
  run('publish', 'pnpm', ['exec', 'changeset', 'publish'])
  const missing = await unpublished(registry, root)
  if (missing.length) {
    console.error(`✗ still not on ${registry}: ${missing.map((p) => `${p.name}@${p.version}`).join(', ')}`)
    process.exit(1)
  }
  console.log(`\npublished: ${pending.map((p) => `${p.name}@${p.version}`).join(', ')}`)
}

async function dryRun(registry) {
  const plan = await releasePlan(root)
  const clip = (text) => (text.length > 140 ? `${text.slice(0, 139)}…` : text)
  console.log('\n━━ release plan of the pending changesets (what `changeset version` would do)')
  if (!plan.length) console.log('  no pending changesets')
  for (const r of plan) {
    console.log(`  ${r.name}: ${r.oldVersion} -> ${r.newVersion} (${r.type})`)
    if (!r.summaries.length)
      console.log('      - (no changeset of its own: a dependency it uses leaves its range)')
    for (const s of r.summaries) console.log(`      - ${clip(s)}`)
  }
  // Versions bumped earlier (a merged "Version Packages" pull request) but not on the registry yet
  // are published as they are; packages in the plan are published at their new version.
  let waiting = []
  try {
    waiting = (await unpublished(registry, root)).filter((p) => !plan.some((r) => r.name === p.name))
  } catch (err) {
    console.log(`\n(could not ask ${registry} which versions it has: ${err.message.split('\n')[0]})`)
  }
  const publish = [
    ...plan.map((r) => `${r.name}@${r.newVersion}`),
    ...waiting.map((p) => `${p.name}@${p.version} (already versioned)`),
  ]
  console.log(`\n━━ would publish to ${registry}: ${publish.length ? '' : 'nothing'}`)
  for (const line of publish) console.log(`  ${line}`)
  console.log('\n━━ files each would ship (pnpm pack --dry-run, from the current build)')
  const names = new Set([...plan.map((r) => r.name), ...waiting.map((p) => p.name)])
  for (const p of workspacePackages(root).filter((p) => names.has(p.name))) {
    const r = spawnSync('pnpm', ['pack', '--dry-run', '--json'], { cwd: p.dir, encoding: 'utf8' })
    if (r.status !== 0) {
      console.log(`  ${p.name}: pnpm pack failed: ${r.stderr.trim()}`)
      continue
    }
    const listed = JSON.parse(r.stdout).files.map((f) => f.path)
    const dist = listed.filter((f) => f.startsWith('dist/')).length
    const other = listed.filter((f) => !f.startsWith('dist/'))
    console.log(
      `  ${p.name}: ${dist} files in dist/${dist ? '' : ' (not built: run pnpm build)'}, ${other.join(', ')}`,
    )
  }
  const never = workspacePackages(root).filter((p) => p.private)
  console.log(`\n━━ never published ("private": true): ${never.map((p) => p.name).join(', ')}`)
}

const registry = await configuredRegistry(root)
console.log(`registry: ${registry}${dry ? ' (dry run: nothing is changed or published)' : ''}`)
await (dry ? dryRun(registry) : release(registry))
