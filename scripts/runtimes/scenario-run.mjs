// Runs fixtures/scenario.mjs (the Bun/Deno scenario) in one runtime from the tarball app, against
// a fresh local platform, and turns its RESULT lines into check results.
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { exec, parseResults, tail } from './exec.mjs'
import { platformFor } from './platform.mjs'

const fixture = new URL('./fixtures/scenario.mjs', import.meta.url).pathname

/** Runs `checks` with `cmd [...args, scenarioFile]` in `app`; returns `[{ check, ok, detail }]`. */
export async function runScenario({ app, checks, cmd, args, env = {} }) {
  const file = join(app, 'runtime-scenario.mjs')
  copyFileSync(fixture, file)
  mkdirSync(join(app, '.tmp'), { recursive: true })
  const { platform, runnable, failed } = await platformFor(app, checks)
  try {
    if (!runnable.length) return failed
    const r = await exec(cmd, [...args, file], {
      cwd: app,
      timeoutMs: 90_000,
      env: { ...process.env, ...env, ...platform.env, RUNTIME_CHECKS: runnable.join(',') },
    })
    const results = parseResults(r.stdout)
    return runnable
      .map(
        (check) =>
          results.find((x) => x.check === check) ?? {
            check,
            ok: false,
            detail: `no result (exit ${r.code}${r.timedOut ? ', timed out' : ''})\n${tail(r.output)}`,
          },
      )
      .concat(failed)
  } finally {
    await platform.close()
  }
}
