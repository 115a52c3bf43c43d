// A small CLI sign-in: the device-code flow, credentials kept in a private file, then API calls with
// a token that the TokenManager refreshes on its own. Against the mock, the "user" approving the code
// in a browser is played by the mock's test helper.
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  AmigoClient,
  FileTokenStorage,
  formatDeviceCodeInstructions,
  loginWithDeviceCode,
  openBrowser,
  TokenManager,
} from '@amigo-ai/platform-sdk'
import { type ExampleEnv, runExample } from '../_shared/connect'
import { startProgressLine } from './progress-line'

export async function main(env: ExampleEnv) {
  // A real CLI keeps the default (~/.config/amigo on Linux); the example uses a throwaway directory.
  const directory = await mkdtemp(join(tmpdir(), 'amigo-example-'))
  try {
    const login = await signIn(env)
    console.log(
      `signed in to workspace ${login.workspaceId}; token valid until ${new Date(login.expiresAt * 1000).toISOString()}`,
    )

    // A file path, as the official SDK takes it; without one, the per-user config directory.
    const storage = new FileTokenStorage(join(directory, 'credentials.json'))
    await new TokenManager({ storage }).store(login)
    const mode = ((await stat(storage.path)).mode & 0o777).toString(8)
    console.log(`credentials saved to ${storage.path} (mode ${mode})`)

    // What a later run of the CLI does: no login, just the stored credentials. asApiKey() hands the
    // client a getter, so each request gets a fresh token once the old one nears expiry.
    const tokens = new TokenManager({ storage })
    const client = new AmigoClient({ ...env, apiKey: tokens.asApiKey(), workspaceId: login.workspaceId })
    const { items } = await client.agents.list({ limit: 5 })
    console.log(`agents visible with the stored token: ${items.map((a) => a.name).join(', ') || '(none)'}`)
    return { workspaceId: login.workspaceId, agents: items.length, fileMode: mode }
  } finally {
    await rm(directory, { recursive: true, force: true })
  }
}

/** Runs the device-code flow with a progress line while it waits for the user. */
async function signIn(env: ExampleEnv) {
  let userCode = ''
  let approved = false
  const progress = startProgressLine('requesting a sign-in code…')
  try {
    const login = await loginWithDeviceCode({
      identityBaseUrl: env.baseUrl,
      clientDescription: 'amigo examples CLI',
      onCode: async (issuance) => {
        userCode = issuance.user_code
        console.log(`\n${formatDeviceCodeInstructions(issuance)}\n`)
        // No browser on a server or in CI: openBrowser says so with `false`, the text above suffices.
        if (!env.mock) await openBrowser(issuance.verification_uri_complete)
      },
      onPoll: (event) => {
        const left = Math.round(event.remainingMs / 1000)
        progress.update(`waiting for approval in the browser (poll ${event.attempt}, ${left}s left)`)
      },
      onStatus: (status) => {
        // Mock-only: approve once the server has answered "pending", as a person would after a moment.
        if (env.mock && !approved && status === 'authorization_pending') {
          approved = true
          env.mock.approveDeviceCode(userCode)
        }
      },
      // Accounts with several workspaces must choose one; a real CLI would ask here.
      onWorkspaceRequired: async (workspaces) => workspaces[0]!.workspace_id,
    })
    progress.stop('✓ approved')
    return login
  } catch (error) {
    progress.stop('✗ sign-in failed')
    throw error
  }
}

await runExample(import.meta.url, main)
