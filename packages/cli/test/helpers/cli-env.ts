// The environment a CLI test runs a command with. Each environment gets a fresh temporary config
// folder (where logins are stored), removed when the test file that made it ends (test/setup/cli.ts),
// so no test ever touches this machine's ~/.config/amigo.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// A command reads the environment `run` was given, except the variables commander reads for options,
// which the in-process runner puts in process.env only while `run` parses its arguments
// (run-cli.ts). Outside that window process.env holds values no command can use: a config folder no
// login can be read from or written to, a platform that refuses connections, a profile name that is
// refused, a webhook secret that signs nothing a test checks. A command that read process.env
// instead would fail its test rather than use this machine's logins or reach a real platform.
export function setProcessEnvTripwires(): void {
  Object.assign(process.env, {
    AMIGO_CONFIG_DIR: '/dev/null/amigo-cli-tests-read-term-env',
    AMIGO_BASE_URL: 'http://127.0.0.1:9',
    AMIGO_PROFILE: '../amigo-cli-tests-read-term-env',
    AMIGO_WEBHOOK_SECRET: 'whsec_amigo_cli_tests_read_term_env',
  })
}

const made: string[] = []

/** Removes the config folders made so far (at the end of each test file). */
export function removeTempConfigDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** A fresh, empty config directory (where logins are stored); removed when the test file ends. */
export function tempConfigDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'amigo-cli-test-'))
  made.push(dir)
  return dir
}

/** A clean environment: PATH and HOME only, plus `extra` (no AMIGO_* leaks in from the machine). */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: tmpdir(), AMIGO_CONFIG_DIR: tempConfigDir() }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v
  return env
}

/** How to run a command: the environment (default cliEnv()) and what to write to stdin before closing it. */
export interface CliOptions {
  env?: NodeJS.ProcessEnv
  input?: string | Uint8Array
}

/** `opts.env`, or cliEnv(); refused without a config folder, since the logins of this machine's user are never a test's. */
export function testEnv(opts: CliOptions, runner: string): NodeJS.ProcessEnv {
  const env = opts.env ?? cliEnv()
  if (!env.AMIGO_CONFIG_DIR)
    throw new Error(`${runner}: the environment needs an AMIGO_CONFIG_DIR (cliEnv gives one)`)
  return env
}
