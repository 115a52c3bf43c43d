// scripts/ensure-pnpm.sh, as dev.sh and .ci/run source it on a fresh machine: the pinned pnpm ends up
// first on PATH, from PATH when it is that version, else installed into .cache/pnpm of the checkout
// (never globally). `npm` and `pnpm` here are stand-ins on a PATH of their own: the script's choices
// are what is tested, not npm's registry.
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { repoRoot } from './sandbox'

const WANTED = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).packageManager.replace(
  /^pnpm@/,
  '',
)
const which = (tool: string) =>
  spawnSync('/bin/sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim()
const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function writeExecutable(path: string, body: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `#!/bin/sh\n${body}\n`)
  chmodSync(path, 0o755)
}

/** A checkout holding the script and package.json, and a PATH dir with node, and a pnpm of `version` if given. */
function machine(opts: { pnpm?: string; npmFails?: boolean }) {
  const root = mkdtempSync(join(tmpdir(), 'amigo-ensure-pnpm-'))
  made.push(root)
  const checkout = join(root, 'checkout')
  mkdirSync(join(checkout, 'scripts'), { recursive: true })
  cpSync(join(repoRoot, 'scripts/ensure-pnpm.sh'), join(checkout, 'scripts/ensure-pnpm.sh'))
  cpSync(join(repoRoot, 'package.json'), join(checkout, 'package.json'))
  const bin = join(root, 'bin')
  writeExecutable(join(bin, 'node'), `exec "${process.execPath}" "$@"`)
  if (opts.pnpm) writeExecutable(join(bin, 'pnpm'), `echo ${opts.pnpm}`)
  // npm install --prefix <dir> ... pnpm@<v>: records its arguments and "installs" a pnpm printing <v>.
  writeExecutable(
    join(bin, 'npm'),
    opts.npmFails
      ? 'echo "npm error code EACCES" >&2; exit 243'
      : `echo "$@" >> "${root}/npm-calls"
for a in "$@"; do case $a in pnpm@*) v=\${a#pnpm@};; esac; done
mkdir -p .cache/pnpm/node_modules/.bin
printf '#!/bin/sh\\necho %s\\n' "$v" > .cache/pnpm/node_modules/.bin/pnpm
chmod +x .cache/pnpm/node_modules/.bin/pnpm`,
  )
  // PATH is this folder alone (the machine's own pnpm lives beside the tools in /usr/bin).
  for (const tool of ['mkdir', 'chmod']) symlinkSync(which(tool), join(bin, tool))
  const run = () =>
    spawnSync(
      '/bin/bash',
      ['-c', 'set -euo pipefail; source scripts/ensure-pnpm.sh; echo "pnpm=$(pnpm --version)"'],
      {
        cwd: checkout,
        encoding: 'utf8',
        env: { PATH: bin, HOME: root },
      },
    )
  const npmCalls = () =>
    existsSync(join(root, 'npm-calls')) ? readFileSync(join(root, 'npm-calls'), 'utf8') : ''
  return { checkout, run, npmCalls }
}

describe('scripts/ensure-pnpm.sh', () => {
  it('uses the pnpm on PATH when it is the pinned version, installing nothing', () => {
    const m = machine({ pnpm: WANTED })
    const r = m.run()
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toBe(`pnpm=${WANTED}\n`)
    expect(m.npmCalls()).toBe('')
  })

  it.each([
    ['no pnpm', undefined],
    ['another version', '8.15.0'],
  ])('with %s on PATH, installs the pinned one into .cache/pnpm and puts it first', (_name, pnpm) => {
    const m = machine({ pnpm })
    const r = m.run()
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toBe(`› installing pnpm@${WANTED} into .cache/pnpm\npnpm=${WANTED}\n`)
    expect(m.npmCalls()).toMatch(
      new RegExp(`^install --prefix \\.cache/pnpm .*pnpm@${WANTED.replace(/\./g, '\\.')}\\n$`),
    )
    expect(m.npmCalls()).not.toMatch(/--global|-g\b/)
    // A second run finds the installed one: nothing is installed again.
    const again = m.run()
    expect(again.stdout).toBe(`pnpm=${WANTED}\n`)
    expect(m.npmCalls().split('\n').filter(Boolean)).toHaveLength(1)
  })

  it('says so and fails when npm cannot install it', () => {
    const m = machine({ npmFails: true })
    const r = m.run()
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`✗ could not install pnpm@${WANTED} with npm`)
    expect(r.stdout).not.toContain('pnpm=')
  })
})
