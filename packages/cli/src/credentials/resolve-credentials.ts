import { checkApiKey, pathSegmentProblem } from '@amigo-ai/core'
import type { CommandContext } from '../context'
import { CliError, usageError } from '../errors/cli-error'
import { EXIT } from '../exit-codes'
import { checkBaseUrl, DEFAULT_BASE_URL } from './base-url'
import { loginCommand } from './credentials-path'
import { type KnownCredentials, readCredentials, type StoredLogin } from './read-credentials'
import { unusableLoginField } from './unusable-login-field'

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
 * `AMIGO_BASE_URL`, else the one the login was made against, else the public platform; with a
 * stored login, `--base-url` may only name the origin the login was made against (the public
 * platform for a login that does not say).
 */
export async function resolveCredentials(ctx: CommandContext): Promise<Credentials> {
  return checkCredentials(ctx, await readCredentials(ctx))
}

/**
 * The credentials `readCredentials` found, checked with the global options: what
 * `resolveCredentials` returns. For a command that checks its own options in between, so that
 * their errors cannot quote a secret the run has not registered yet.
 */
export function checkCredentials(ctx: CommandContext, known: KnownCredentials): Credentials {
  const { baseUrl, baseUrlName } = ctx.options
  const explicitBase = baseUrl ? checkBaseUrl(baseUrl, baseUrlName) : undefined
  if (known.source === 'environment') return keyCredentials(ctx, known.apiKey, explicitBase)
  if ('failure' in known) throw known.failure
  return loginCredentials(ctx, known.login, explicitBase)
}

/** `AMIGO_API_KEY` with `AMIGO_WORKSPACE_ID`. */
function keyCredentials(ctx: CommandContext, apiKey: string, explicitBase: string | undefined): Credentials {
  const workspaceId = ctx.term.env.AMIGO_WORKSPACE_ID
  if (!workspaceId)
    throw new CliError('AMIGO_API_KEY is set but AMIGO_WORKSPACE_ID is not', {
      exitCode: EXIT.auth,
      hint: 'set AMIGO_WORKSPACE_ID to the workspace the key belongs to',
    })
  // Checked here, where their names are known: the SDK would name its own options.
  checkApiKey(apiKey, 'AMIGO_API_KEY')
  const problem = pathSegmentProblem(workspaceId)
  if (problem !== undefined)
    throw usageError(`AMIGO_WORKSPACE_ID ${problem}`, 'set it to the id of the workspace the key belongs to')
  return { apiKey, workspaceId, baseUrl: explicitBase ?? DEFAULT_BASE_URL, source: 'environment' }
}

/**
 * The stored login of the profile. Its tokens are only ever sent to the origin that issued them: a
 * `--base-url` / `AMIGO_BASE_URL` naming another origin is refused rather than handed the token.
 */
function loginCredentials(
  ctx: CommandContext,
  { storage, tokens, stored }: StoredLogin,
  explicitBase: string | undefined,
): Credentials {
  const profile = ctx.options.profile ?? 'default'
  if (!stored) throw notSignedIn(profile)
  // Values every request would carry (the path's workspace, the Authorization header): the file is
  // broken, not the command line. Named, never quoted.
  const unusable = unusableLoginField(stored)
  if (unusable !== undefined)
    throw new CliError(`the credentials file ${storage.path} has an unusable ${unusable}`, {
      exitCode: EXIT.auth,
      hint: `sign in again with '${loginCommand(ctx.options.profile)}', or delete the file`,
    })
  // A file without identity_base_url (the official SDK's tools write none) is a login of the public
  // platform: that is where auth-node refreshes it, so that is the only origin it is sent to.
  const loginBase = stored.identity_base_url ?? DEFAULT_BASE_URL
  const loginOrigin = httpOrigin(loginBase)
  if (loginOrigin === null)
    throw new CliError(`${storage.path} has an unusable identity_base_url`, {
      exitCode: EXIT.auth,
      hint: `sign in again: amigo login${ctx.options.profile ? ` --profile ${profile}` : ''}`,
    })
  if (explicitBase && httpOrigin(explicitBase) !== loginOrigin) {
    const issued =
      stored.identity_base_url === undefined
        ? `names no identity_base_url, so it belongs to ${loginBase}`
        : `was made at ${loginBase}`
    throw new CliError(`the login of profile ${profile} ${issued}, not ${explicitBase}`, {
      exitCode: EXIT.auth,
      hint: `run 'amigo login --base-url ${explicitBase}' (with --profile <name> to keep both), or leave out --base-url / AMIGO_BASE_URL`,
    })
  }
  return {
    apiKey: async () => {
      // Ctrl-C ends a wait for a refresh (another process holding the lock, a slow identity service).
      const auth = await tokens.getAccessToken({ signal: ctx.signal })
      // Signed out in between, by another process.
      if (!auth) throw notSignedIn(profile)
      ctx.output.secrets.remember(auth.token)
      return auth.token
    },
    workspaceId: stored.workspace_id,
    baseUrl: explicitBase ?? loginBase,
    source: 'login',
  }
}

/** The origin of an http(s) URL; null for anything else. */
function httpOrigin(url: string): string | null {
  try {
    const { protocol, origin } = new URL(url)
    return protocol === 'http:' || protocol === 'https:' ? origin : null
  } catch {
    return null
  }
}

// The hint names a profile other than the default: a plain `amigo login` would sign in the default one.
const notSignedIn = (profile: string) =>
  new CliError(`not signed in (profile ${profile})`, {
    exitCode: EXIT.auth,
    hint: `run 'amigo login${profile === 'default' ? '' : ` --profile ${profile}`}', or set AMIGO_API_KEY and AMIGO_WORKSPACE_ID`,
  })
