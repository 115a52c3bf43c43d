import type { FileHandle } from 'node:fs/promises'
import { TokenStorageError } from '../errors/token-errors'
import { readStoredCredentials } from '../tokens/stored-credentials'
import { fsPromises } from './fs-promises'

const FILE_MODE = 0o600
// 1 MiB. A credentials file holds a few kilobytes at most: a larger one is not one of ours, and
// reading it whole would fill the memory of the program asking for its token.
const MAX_FILE_BYTES = 1_048_576
// A credentials file takes one read of this size, and one more that finds its end.
const CHUNK_BYTES = 16_384
const BOM = '\uFEFF'

/** What a credentials file holds: its credentials, or the names of the fields it lacks. */
export type CredentialsRead = ReturnType<typeof readStoredCredentials>

/**
 * The credentials in `file` (or the fields its JSON lacks), or undefined when it does not exist.
 * A file that holds credentials is made owner-only (0600) when group or others may read it: a file
 * left by an older tool, or copied, would otherwise keep live tokens readable by other users. Only
 * then: the path may lead (through a link) to some other file, whose mode is not ours to change.
 * Through the open handle, so the file changed is the file read.
 */
export async function readCredentialsFile(file: string): Promise<CredentialsRead | undefined> {
  try {
    return await readOwnerOnly(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    if (error instanceof TokenStorageError) throw error
    throw new TokenStorageError(`Could not read the credentials file ${file}`, {
      path: file,
      reason: 'unreadable',
      cause: error,
    })
  }
}

/**
 * Reads and checks `file`, tightening its mode once it proved to hold credentials. Only a regular
 * file of at most 1 MiB is read: a FIFO would block the read until some writer came, a device like
 * `/dev/zero` never ends. The size is checked before the read and again by the read, which stops
 * one byte past the limit (the file may grow in between).
 */
async function readOwnerOnly(file: string): Promise<CredentialsRead> {
  const { constants, open } = await fsPromises()
  // Non-blocking, so that opening a FIFO returns at once instead of waiting for a writer.
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) {
      throw new TokenStorageError(`The credentials path ${file} is not a regular file`, {
        path: file,
        reason: 'not_a_file',
      })
    }
    if (stats.size > MAX_FILE_BYTES) throw tooLarge(file)
    const bytes = await readAtMost(handle, MAX_FILE_BYTES)
    if (!bytes) throw tooLarge(file)
    const read = readStoredCredentials(parseJson(bytes.toString('utf8'), file))
    if (!('problems' in read) && process.platform !== 'win32') await tightenMode(handle, stats.mode)
    return read
  } finally {
    await handle.close()
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    // Some Windows editors start a UTF-8 file with a byte order mark, which JSON does not allow.
    return JSON.parse(text.startsWith(BOM) ? text.slice(1) : text)
  } catch {
    // The content is never echoed: it may hold a token.
    throw new TokenStorageError(
      `The credentials file ${file} is not valid JSON; sign in again (or delete the file)`,
      { path: file, reason: 'not_json' },
    )
  }
}

const tooLarge = (file: string) =>
  new TokenStorageError(
    `The credentials file ${file} is larger than 1 MiB; it was not read (sign in again, or delete the file)`,
    { path: file, reason: 'too_large' },
  )

/** The bytes behind `handle`, or undefined when there are more than `limit` (reading `limit` + 1 at most). */
async function readAtMost(handle: FileHandle, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let total = 0
  while (total <= limit) {
    const want = Math.min(CHUNK_BYTES, limit + 1 - total)
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(want), 0, want, total)
    if (bytesRead === 0) return Buffer.concat(chunks, total)
    chunks.push(buffer.subarray(0, bytesRead))
    total += bytesRead
  }
  return undefined
}

async function tightenMode(handle: FileHandle, mode: number): Promise<void> {
  try {
    if ((mode & 0o077) !== 0) await handle.chmod(FILE_MODE)
  } catch {
    // Not ours to change (e.g. owned by another user): the credentials are still usable.
  }
}
