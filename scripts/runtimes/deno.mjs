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
    args: ['run', '--allow-all', '--node-modules-dir=manual', '--no-config', '--no-lock'],
    env: { DENO_DIR: join(app, '.tmp', 'deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
  })
