import { FileTokenStorage, TokenManager } from '@amigo-ai/auth-node'

/** The stored login of a profile: its file and the manager that refreshes it. */
export function loginStore(profile: string | undefined): { storage: FileTokenStorage; tokens: TokenManager } {
  const storage = new FileTokenStorage(profile ? { profile } : {})
  return { storage, tokens: new TokenManager({ storage }) }
}
