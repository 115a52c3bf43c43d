import type { CommandContext } from '../context'
import { CliError } from '../errors/cli-error'
import { EXIT } from '../exit-codes'
import { rememberSecret } from '../io/secrets'
import { checkBaseUrl, DEFAULT_BASE_URL } from './base-url'
import { loginStore } from './login-store'

/** Credentials for a client, from the environment or the stored login. */
export interface Credentials {
  /** A fixed API key, or a getter that refreshes the stored login when it expires. */
  apiKey: string | (() => Promise<string>)
  workspaceId: string
  baseUrl: string
  /** Where they came from, for `whoami`. */
  source: 'environment' | 'login'
}

/**
 * `AMIGO_API_KEY` + `AMIGO_WORKSPACE_ID` when set, else the stored login of the profile (refreshed
 * through auth-node's TokenManager when it expires). The API origin is `--base-url` /
 * `AMIGO_BASE_URL`, else the one the login was made against, else the public platform.
 */
export async function resolveCredentials(ctx: CommandContext): Promise<Credentials> {
  const env = ctx.term.env
  const explicitBase = ctx.options.baseUrl ? checkBaseUrl(ctx.options.baseUrl) : undefined
  if (env.AMIGO_API_KEY) {
    rememberSecret(env.AMIGO_API_KEY)
    if (!env.AMIGO_WORKSPACE_ID)
      throw new CliError('AMIGO_API_KEY is set but AMIGO_WORKSPACE_ID is not', {
        exitCode: EXIT.auth,
        hint: 'set AMIGO_WORKSPACE_ID to the workspace the key belongs to',
      })
    return {
      apiKey: env.AMIGO_API_KEY,
      workspaceId: env.AMIGO_WORKSPACE_ID,
      baseUrl: explicitBase ?? DEFAULT_BASE_URL,
      source: 'environment',
    }
  }
  const { tokens } = loginStore(ctx.options.profile)
  const stored = await tokens.load()
  if (!stored) {
    const profile = ctx.options.profile ?? 'default'
    throw new CliError(`not signed in (profile ${profile})`, {
      exitCode: EXIT.auth,
      hint: "run 'amigo login', or set AMIGO_API_KEY and AMIGO_WORKSPACE_ID",
    })
  }
  rememberSecret(stored.accessToken, stored.refreshToken)
  return {
    apiKey: async () => {
      const token = await tokens.getAccessToken()
      rememberSecret(token)
      return token
    },
    workspaceId: stored.workspaceId,
    baseUrl: explicitBase ?? stored.identityBaseUrl ?? DEFAULT_BASE_URL,
    source: 'login',
  }
}
