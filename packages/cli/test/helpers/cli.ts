// How a CLI test runs `amigo`, in this process (run-cli.ts) or as the built bin in a child process
// (spawn-cli.ts), with the same result shape (cli-output.ts) and a clean environment (cli-env.ts).
export { cliEnv, tempConfigDir } from './cli-env'
export type { CliResult, RunningCli } from './cli-output'
export { runCli, startCli } from './run-cli'
export { CLI, runSpawnedCli, type SpawnedCli, spawnCli } from './spawn-cli'
