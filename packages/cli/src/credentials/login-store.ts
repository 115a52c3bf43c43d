import { FileTokenStorage, TokenManager } from '@amigo-ai/auth-node'

/**
 * How long before its expiry a stored token is refreshed; one with no refresh token is refused from
 * then on (`amigo login` warns of a token issued that short-lived).
 */
export const REFRESH_MARGIN_MS = 60_000

/** The stored login of a profile: its file and the manager that refreshes it. */
export function loginStore(profile: string | undefined): { storage: FileTokenStorage; tokens: TokenManager } {
  const storage = new FileTokenStorage(profile ? { profile } : {})
  return { storage, tokens: new TokenManager({ storage, refreshMarginMs: REFRESH_MARGIN_MS }) }
}
