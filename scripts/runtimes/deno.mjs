// Deno: the same scenario as Bun, run by the deno binary from the npm package `deno`, resolving
// @amigo-ai/* from the app's node_modules (no registry access from Deno itself).
import { join } from 'node:path'
import { runScenario } from './scenario-run.mjs'

/** Runs the scenario checks under Deno. */
export const runDeno = ({ app, checks, bins }) =>
  runScenario({
    app,
    checks,
    cmd: bins.deno,
    // Only loopback network, env and reads: the SDK needs nothing else, and Deno fetches nothing.
    args: [
      'run',
      '--allow-net=127.0.0.1',
      '--allow-env',
      '--allow-read',
      '--node-modules-dir=manual',
      '--no-config',
      '--no-lock',
      '--no-remote',
    ],
    env: { DENO_DIR: join(app, '.tmp', 'deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
  })
