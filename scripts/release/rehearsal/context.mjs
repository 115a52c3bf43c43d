// What every phase of the rehearsal shares: the transcript, the work folder, the throwaway copy,
// the local registry, and `sh` (a command run into the transcript that throws when it fails).
import { existsSync, readdirSync, readlinkSync } from 'node:fs'
import { join, relative } from 'node:path'
import { exec } from '../../runtimes/exec.mjs'

/** A failure that stops the rehearsal (later phases depend on it). */
export class StepFailed extends Error {}

/** The shared state of one rehearsal in `work`, writing to transcript `t`. */
export function createContext(t, work) {
  const stopAll = new AbortController()
  const running = new Set()
  const track = (promise) => {
    running.add(promise)
    return promise.finally(() => running.delete(promise))
  }
  return {
    t,
    work,
    /**
     * Stops every command still running (the rehearsal is ending), waits up to 10 s for them, then
     * kills whatever still works inside the work folder (children that left their process group).
     */
    async stopCommands() {
      stopAll.abort()
      await Promise.race([Promise.all(running), new Promise((r) => setTimeout(r, 10_000).unref())])
      killProcessesIn(work)
    },
    copy: join(work, 'repo'),
    apps: join(work, 'apps'),
    cache: join(work, 'npm-cache'),
    registry: undefined,
    /** Environment of commands run in the copy (set once the registry is up). */
    env: process.env,
    /** A path as shown in the transcript: relative to the work folder. */
    show: (path) => (path.startsWith(work) ? `<work>/${relative(work, path)}` : path),
    /** The same context writing to another transcript (a phase's fork). */
    writingTo(other) {
      return { ...this, t: other }
    },
    /**
     * Runs `cmd args` in `cwd`, writing the command, its output and its exit to the transcript;
     * resolves the result, or throws StepFailed when it exits non-zero (unless `allowFail`).
     */
    async sh(
      cmd,
      args,
      { cwd = this.copy, env = this.env, timeoutMs = 300_000, allowFail = false, input } = {},
    ) {
      this.t.info(
        `$ ${[this.show(cmd), ...args].join(' ')}${input ? ' < (stdin)' : ''}    (in ${this.show(cwd)})`,
      )
      const r = await track(exec(cmd, args, { cwd, env, timeoutMs, input, signal: stopAll.signal }))
      this.t.output(r.output)
      this.t.info(
        `→ exit ${r.code}${r.timedOut ? ` (killed after ${timeoutMs / 1000}s)` : ''}, ${r.secs.toFixed(1)}s`,
      )
      if (r.code !== 0 && !allowFail)
        throw new StepFailed(`${cmd} ${args.join(' ')} failed with exit ${r.code}`)
      return r
    },
    /** Runs an app's file with node (`$ node <file>` in the transcript); resolves the result, never throws. */
    runApp(dir, file, env = process.env) {
      this.t.info(`$ node ${file}    (in ${this.show(dir)})`)
      return track(
        exec(process.execPath, [file], { cwd: dir, env, timeoutMs: 60_000, signal: stopAll.signal }),
      )
    },
  }
}

/** SIGKILLs every process whose working directory is inside `dir` (Linux: read from /proc). */
function killProcessesIn(dir) {
  if (!existsSync('/proc')) return
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid)) {
    let cwd
    try {
      cwd = readlinkSync(`/proc/${pid}/cwd`)
    } catch {
      continue
    }
    if (cwd === dir || cwd.startsWith(`${dir}/`)) {
      try {
        process.kill(Number(pid), 'SIGKILL')
      } catch {}
    }
  }
}

/** The environment for commands in the copy once the local registry is at `url`. */
export function copyEnvironment(url, cache) {
  const { FORCE_COLOR, ...env } = process.env
  return {
    ...env,
    CI: 'true',
    // Plain text in the transcript (picocolors, used by changesets, colours whenever FORCE_COLOR is set).
    NO_COLOR: '1',
    npm_config_registry: url,
    npm_config_cache: cache,
    // A packument read earlier in the run must never hide a version published since.
    npm_config_prefer_online: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    TURBO_TELEMETRY_DISABLED: '1',
    TURBO_NO_UPDATE_NOTIFIER: '1',
    // `changeset publish` tags each release in the copy's git; a fresh CI machine has no identity.
    GIT_AUTHOR_NAME: 'release rehearsal',
    GIT_AUTHOR_EMAIL: 'rehearsal@localhost',
    GIT_COMMITTER_NAME: 'release rehearsal',
    GIT_COMMITTER_EMAIL: 'rehearsal@localhost',
  }
}
