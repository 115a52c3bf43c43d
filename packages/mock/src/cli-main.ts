import { parseArgs } from 'node:util'
import { type MockPlatform, startMockPlatform } from './start'

const HELP = `Usage: amigo-platform-mock [--port 4010] [--seed 1] [--latency 0]

Starts a local, stateful Amigo platform on 127.0.0.1 and prints its URL, API key and workspace id.
Stop it with Ctrl+C.`

/** Parses CLI arguments, starts the mock and prints how to reach it; undefined for `--help`. */
export async function runCli(argv: string[], log: (line: string) => void): Promise<MockPlatform | undefined> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '4010' },
      seed: { type: 'string', default: '1' },
      latency: { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    log(HELP)
    return undefined
  }
  const num = (name: string, v: string | undefined) => {
    const n = Number(v)
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`)
    return n
  }
  const mock = await startMockPlatform({
    port: num('port', values.port),
    seed: num('seed', values.seed),
    latencyMs: num('latency', values.latency),
    // A long-running server should not grow its request log forever.
    maxRecordedRequests: 1000,
  })
  log(`Amigo platform mock listening on ${mock.url}`)
  log(`  AMIGO_BASE_URL=${mock.url}`)
  log(`  AMIGO_API_KEY=${mock.apiKey}`)
  log(`  AMIGO_WORKSPACE_ID=${mock.workspaceId}`)
  return mock
}
