import { resolve } from 'node:path'
import { FileTokenStorage, TokenManager } from '@amigo-ai/auth-node'
import type { CommandContext } from '../context'

/**
 * How long before its expiry a stored token is refreshed; one with no refresh token is refused from
 * then on (`amigo login` warns of a token issued that short-lived).
 */
export const REFRESH_MARGIN_MS = 60_000

/**
 * The stored login of the command's profile: its file and the manager that refreshes it. The folder
 * is the command's own `AMIGO_CONFIG_DIR` when set (the environment `run` was given, which is the
 * process's for the `amigo` command), else auth-node's default.
 */
export function loginStore(ctx: CommandContext): { storage: FileTokenStorage; tokens: TokenManager } {
  const { profile } = ctx.options
  // Resolved here as auth-node resolves its default, so a value means the same folder either way.
  const directory = ctx.term.env.AMIGO_CONFIG_DIR ? resolve(ctx.term.env.AMIGO_CONFIG_DIR) : undefined
  const storage = new FileTokenStorage({
    ...(profile ? { profile } : {}),
    ...(directory ? { directory } : {}),
  })
  return { storage, tokens: new TokenManager({ storage, refreshMarginMs: REFRESH_MARGIN_MS }) }
}
