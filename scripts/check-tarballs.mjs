// Tests every package as users get it: `pnpm pack`, install the tarballs into a fresh project
// outside the workspace (no workspace links), then run each package's smoke files with ESM
// `import` and CJS `require` (packages/<dir>/test/tarball/smoke.{mjs,cjs}).
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const run = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}\n${r.stdout}${r.stderr}`)
  return r.stdout
}

const work = mkdtempSync(join(tmpdir(), 'amigo-tarballs-'))
const packs = join(work, 'packs')
const app = join(work, 'app')
mkdirSync(packs)
mkdirSync(app)
let failures = 0
try {
  const pkgs = readdirSync(join(root, 'packages'))
    .map((dir) => ({
      dir,
      pkg: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')),
    }))
    .filter(({ pkg }) => !pkg.private)
  const tarballs = {}
  for (const { dir, pkg } of pkgs) {
    run('pnpm', ['pack', '--pack-destination', packs], join(root, 'packages', dir))
    const file = readdirSync(packs).find((f) =>
      f.startsWith(pkg.name.replace('@', '').replace('/', '-') + '-'),
    )
    tarballs[pkg.name] = `file:${join(packs, file)}`
  }
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify(
      { name: 'tarball-app', private: true, dependencies: tarballs, overrides: tarballs },
      null,
      2,
    ),
  )
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], app)
  for (const { dir, pkg } of pkgs) {
    for (const ext of ['mjs', 'cjs']) {
      const src = join(root, 'packages', dir, 'test', 'tarball', `smoke.${ext}`)
      if (!existsSync(src)) {
        failures++
        console.error(`✗ ${pkg.name}: missing test/tarball/smoke.${ext}`)
        continue
      }
      const dest = join(app, `${dir}-smoke.${ext}`)
      copyFileSync(src, dest)
      const r = spawnSync('node', [dest], { cwd: app, encoding: 'utf8', timeout: 60_000 })
      if (r.status !== 0) {
        failures++
        console.error(
          `✗ ${pkg.name} (${ext === 'mjs' ? 'ESM import' : 'CJS require'})\n${r.stdout}${r.stderr}`,
        )
      } else
        console.log(
          `✓ ${pkg.name} (${ext === 'mjs' ? 'ESM import' : 'CJS require'}) ${r.stdout.trim().split('\n').pop()}`,
        )
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
process.exit(failures ? 1 : 0)
