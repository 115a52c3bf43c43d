import type { FileTokenStorage, StoredCredentials, TokenManager } from '@amigo-ai/auth-node'
import type { CommandContext } from '../context'
import { loginStore } from './login-store'
import { readStoredLogin } from './read-stored-login'

/** The profile's stored login as read: its file, the manager that refreshes it, and what it holds. */
export interface StoredLogin {
  storage: FileTokenStorage
  tokens: TokenManager
  /** Null when nothing is stored. */
  stored: StoredCredentials | null
}

/**
 * Where a command's credentials come from, as read: `AMIGO_API_KEY`, else the profile's stored
 * login, or why that could not be read (`failure`).
 */
export type KnownCredentials =
  | { source: 'environment'; apiKey: string }
  | { source: 'login'; login: StoredLogin }
  | { source: 'login'; failure: unknown }

/**
 * Reads the command's credentials before any of its options or arguments is checked, and registers
 * the stored login's tokens with the run's secret filter (program.ts registers the environment's
 * key): a usage error quoting a value, such as a token pasted as `--base-url` or as the path, must
 * not show them. A login that cannot be read is not reported here but by `checkCredentials`, so
 * that usage errors still come first.
 */
export async function readCredentials(ctx: CommandContext): Promise<KnownCredentials> {
  const apiKey = ctx.term.env.AMIGO_API_KEY
  if (apiKey) return { source: 'environment', apiKey }
  try {
    const { storage, tokens } = loginStore(ctx)
    const stored = await readStoredLogin(tokens, ctx.options.profile)
    if (stored) ctx.output.secrets.remember(stored.access_token, stored.refresh_token)
    return { source: 'login', login: { storage, tokens, stored } }
  } catch (failure) {
    return { source: 'login', failure }
  }
}
