import { resolve } from 'node:path'
import { FileTokenStorage, TokenManager } from '@amigo-ai/auth-node'
import { isConfigurationError } from '@amigo-ai/core'
import type { CommandContext } from '../context'
import { usageError } from '../errors/cli-error'

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
  // Resolved as auth-node resolves its default, so every value means the same folder as before, even
  // one of spaces only (auth-node refuses a blank `directory`). Only a set value is passed: without
  // one, auth-node's default also reads the official SDK's file (~/.amigo/credentials.json).
  const directory = ctx.term.env.AMIGO_CONFIG_DIR ? resolve(ctx.term.env.AMIGO_CONFIG_DIR) : undefined
  let storage: FileTokenStorage
  try {
    storage = new FileTokenStorage({
      ...(profile ? { profile } : {}),
      ...(directory ? { directory } : {}),
    })
  } catch (error) {
    // The profile's name is what it checks of ours (the folder is resolved): say where it came from.
    if (profile && isConfigurationError(error))
      throw usageError(`${ctx.options.profileName ?? '--profile'}: ${error.message}`)
    throw error
  }
  return { storage, tokens: new TokenManager({ storage, refreshMarginMs: REFRESH_MARGIN_MS }) }
}
