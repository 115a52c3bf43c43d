import { parseArgs } from 'node:util'
import { startMockPlatform } from './start'

const HELP = `Usage: amigo-platform-mock [--port 4010] [--seed 1] [--latency 0]

Starts a local, stateful Amigo platform on 127.0.0.1 and prints its URL, API key and workspace id.
Stop it with Ctrl+C.`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      seed: { type: 'string', default: '1' },
      latency: { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(HELP)
    return
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
  console.log(`Amigo platform mock listening on ${mock.url}`)
  console.log(`  AMIGO_BASE_URL=${mock.url}`)
  console.log(`  AMIGO_API_KEY=${mock.apiKey}`)
  console.log(`  AMIGO_WORKSPACE_ID=${mock.workspaceId}`)
  const stop = () => {
    mock.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((e) => {
  console.error(`platform-mock: ${(e as Error).message}`)
  process.exit(1)
})
