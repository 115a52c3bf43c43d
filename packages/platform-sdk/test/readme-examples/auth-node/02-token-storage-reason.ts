// packages/auth-node/README.md, ### `FileTokenStorage` (Node only)

// ---- example ----
import { isTokenStorageError, TokenManager } from '@amigo-ai/auth-node'

const NO_LOGIN = ['not_json', 'too_large', 'invalid_fields']
try {
  console.log(await new TokenManager().getAccessToken())
} catch (error) {
  // That file holds no login: signing in again replaces it.
  if (!isTokenStorageError(error) || !NO_LOGIN.includes(error.reason ?? '')) throw error
  console.error(`sign in again: ${error.path ?? 'the token storage'} holds no login (${error.reason})`)
}
