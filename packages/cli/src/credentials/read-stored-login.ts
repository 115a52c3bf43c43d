import { isTokenStorageError, type StoredCredentials, type TokenManager } from '@amigo-ai/auth-node'
import { CliError } from '../errors/cli-error'
import { EXIT } from '../exit-codes'

/**
 * The profile's stored login, or null when there is none. A credentials file that is not JSON
 * (truncated, hand-edited) is no usable login: exit 3 naming the file, never showing its content,
 * which holds tokens.
 */
export async function readStoredLogin(
  tokens: TokenManager,
  profileOption: string | undefined,
): Promise<StoredCredentials | null> {
  try {
    return await tokens.load()
  } catch (error) {
    // load() reports a file it cannot read with the file system's error as the cause, and content
    // that is not JSON without one; only the latter is mended by signing in again.
    if (!isTokenStorageError(error) || error.path === undefined || error.cause !== undefined) throw error
    const login = `amigo login${profileOption ? ` --profile ${profileOption}` : ''}`
    throw new CliError(`the credentials file ${error.path} is not valid JSON`, {
      exitCode: EXIT.auth,
      hint: `sign in again with '${login}', or delete the file`,
    })
  }
}
