import {
  isTokenStorageError,
  type StoredCredentials,
  type TokenManager,
  type TokenStorageProblem,
} from '@amigo-ai/auth-node'
import { CliError } from '../errors/cli-error'
import { EXIT } from '../exit-codes'
import { assertCredentialsPathUsable, loginCommand } from './credentials-path'

// The contents of a credentials file that make it no login, as the CLI words them.
const NO_LOGIN: Partial<Record<TokenStorageProblem, string>> = {
  not_json: 'not valid JSON',
  too_large: 'larger than 1 MiB',
}

/**
 * The profile's stored login, or null when there is none. A credentials file that cannot be used
 * (not JSON, larger than the storage reads, not a file at all) is no usable login: exit 3 naming the
 * file and why, never showing its content, which holds tokens.
 */
export async function readStoredLogin(
  tokens: TokenManager,
  profileOption: string | undefined,
): Promise<StoredCredentials | null> {
  try {
    return await tokens.load()
  } catch (error) {
    // A file that holds no login is mended by signing in again; one the file system refuses is not.
    if (!isTokenStorageError(error) || error.path === undefined) throw error
    if (error.reason === 'not_a_file') await assertCredentialsPathUsable(error.path, profileOption)
    const what = error.reason && NO_LOGIN[error.reason]
    if (!what) throw error
    throw new CliError(`the credentials file ${error.path} is ${what}`, {
      exitCode: EXIT.auth,
      hint: `sign in again with '${loginCommand(profileOption)}', or delete the file`,
    })
  }
}
