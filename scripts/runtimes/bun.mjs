// Bun: the scenario (webhooks, AmigoClient against the local platform, workspace events) run by
// the bun binary from the npm package `bun`, importing the installed tarballs.
import { runScenario } from './scenario-run.mjs'

/** Runs the scenario checks under Bun. */
export const runBun = ({ app, checks, bins }) =>
  runScenario({
    app,
    checks,
    cmd: bins.bun,
    args: ['--no-install'],
    env: { BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' },
  })
