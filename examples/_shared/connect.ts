// Shared plumbing for the examples: where to connect, and how to run an example as a script.
// Each example exports `main(env)`; tests call it with their own mock, scripts get `env` from here.
import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { type MockPlatform, startMockPlatform } from '@amigo-ai/platform-mock'

/** Where an example talks to: a real workspace, or the local mock (then `mock` is set). */
export interface ExampleEnv {
  baseUrl: string
  apiKey: string
  workspaceId: string
  /** The in-process mock platform, present only when running offline (enables mock-only steps). */
  mock?: MockPlatform
}

/** A connected environment plus the function that releases it. */
export interface Connection {
  env: ExampleEnv
  close(): Promise<void>
}

/**
 * Uses AMIGO_API_KEY / AMIGO_WORKSPACE_ID (and optional AMIGO_BASE_URL) when both are set,
 * otherwise starts the mock platform on an ephemeral port so the example works offline.
 */
export async function connect(): Promise<Connection> {
  const { AMIGO_API_KEY: apiKey, AMIGO_WORKSPACE_ID: workspaceId, AMIGO_BASE_URL: baseUrl } = process.env
  if (apiKey && workspaceId) {
    return {
      env: { apiKey, workspaceId, baseUrl: baseUrl || 'https://api.platform.amigo.ai' },
      close: async () => {},
    }
  }
  if (apiKey || workspaceId) {
    // Half a configuration is almost always a mistake; silently using the mock would hide it.
    throw new Error('Set both AMIGO_API_KEY and AMIGO_WORKSPACE_ID (or neither, to use the local mock)')
  }
  // One-second device-code polling keeps the login example quick without hiding the waiting step.
  const mock = await startMockPlatform({ deviceCodeIntervalSeconds: 1 })
  return {
    env: { baseUrl: mock.url, apiKey: mock.apiKey, workspaceId: mock.workspaceId, mock },
    close: () => mock.close(),
  }
}

/** True when the module at `moduleUrl` is the script node was started with (not imported by a test). */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1]
  if (!script) return false
  try {
    return pathToFileURL(realpathSync(script)).href === moduleUrl
  } catch {
    return false
  }
}

/** Runs `main` against `connect()` when the calling file is executed directly; always cleans up. */
export async function runExample(moduleUrl: string, main: (env: ExampleEnv) => Promise<unknown>) {
  if (!isMain(moduleUrl)) return
  const connection = await connect()
  if (!connection.env.mock) console.log(`(using ${connection.env.baseUrl})`)
  try {
    await main(connection.env)
  } catch (error) {
    console.error(error)
    process.exitCode = 1
  } finally {
    await connection.close()
  }
}
