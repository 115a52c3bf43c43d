import { isTokenStorageError, type StoredCredentials, type TokenManager } from '@amigo-ai/auth-node'
import { CliError } from '../errors/cli-error'
import { EXIT } from '../exit-codes'
import { assertCredentialsPathUsable, loginCommand } from './credentials-path'

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
    // load() reports a file it cannot read with the file system's error as the cause, and a file it
    // read but cannot use without one; only the latter is mended by signing in again.
    if (!isTokenStorageError(error) || error.path === undefined || error.cause !== undefined) throw error
    await assertCredentialsPathUsable(error.path, profileOption)
    const tooLarge = / larger than /.test(error.message)
    throw new CliError(
      `the credentials file ${error.path} is ${tooLarge ? 'larger than 1 MiB' : 'not valid JSON'}`,
      {
        exitCode: EXIT.auth,
        hint: `sign in again with '${loginCommand(profileOption)}', or delete the file`,
      },
    )
  }
}
