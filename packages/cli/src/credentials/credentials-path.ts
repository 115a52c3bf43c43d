import { stat } from 'node:fs/promises'
import { CliError } from '../errors/cli-error'
import { EXIT } from '../exit-codes'

/**
 * Exit 3 when a profile's credentials path exists but is no regular file (a folder, a FIFO): no login
 * can be read from or stored there, and signing in again would not help until it is moved aside.
 */
export async function assertCredentialsPathUsable(path: string, profile: string | undefined): Promise<void> {
  const stats = await stat(path).catch(() => undefined)
  if (!stats || stats.isFile()) return
  throw new CliError(`the credentials path ${path} is not a regular file`, {
    exitCode: EXIT.auth,
    hint: `move it aside, then sign in with '${loginCommand(profile)}'`,
  })
}

/** The command that signs in to `profile`. */
export const loginCommand = (profile: string | undefined) =>
  `amigo login${profile ? ` --profile ${profile}` : ''}`
