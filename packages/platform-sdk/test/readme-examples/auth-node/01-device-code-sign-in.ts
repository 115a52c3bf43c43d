// packages/auth-node/README.md, # @amigo-ai/auth-node

// ---- example ----
import { AmigoClient } from '@amigo-ai/platform-sdk'
import {
  FileTokenStorage,
  formatDeviceCodeInstructions,
  formatWorkspaceList,
  loginWithDeviceCode,
  openBrowser,
  TokenManager,
} from '@amigo-ai/auth-node'

const tokens = new TokenManager({ storage: new FileTokenStorage() }) // the storage is also the default

// Later runs: no login, the token is refreshed when needed.
let auth = await tokens.getAccessToken() // { token, workspaceId } | null
if (!auth) {
  const login = await loginWithDeviceCode({
    clientDescription: 'my-cli',
    onCode: async (issuance) => {
      console.log(formatDeviceCodeInstructions(issuance))
      await openBrowser(issuance.verification_uri_complete) // false on a headless machine: the text is enough
    },
    onStatus: (status) => status === 'authorization_pending' && process.stdout.write('.'),
    onWorkspaceRequired: async (workspaces) => {
      console.log(formatWorkspaceList(workspaces)) // "1. Name (role)   id", ask the user for a number
      return workspaces[0].workspace_id
    },
  })
  await tokens.store(login)
  auth = { token: login.accessToken, workspaceId: login.workspaceId }
}

// A getter keeps a long-running client working past expiry.
const client = new AmigoClient({ apiKey: tokens.asApiKey(), workspaceId: auth.workspaceId })
