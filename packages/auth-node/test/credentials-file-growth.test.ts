// A credentials file that grows between the size check and the read (another program writing it)
// is still read no further than the 1 MiB limit. The hooked `stat` reports the small size the file
// had when checked, so the growth happens every time, without racing a writer.

import type { Stats } from 'node:fs'
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileTokenStorage, isTokenStorageError } from '../src/index'
import { setFsHook } from './helpers/fs-hooks'

const LIMIT = 1_048_576
const CREDS = { access_token: 'a', refresh_token: 'r', workspace_id: 'w', expires_at: 1 }

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'amigo-growth-'))
})
afterEach(() => {
  setFsHook(undefined)
  rmSync(root, { recursive: true, force: true })
})

/** Makes each `stat` of a handle say `size` bytes, and counts the bytes read through handles. */
function statSaysSmall(size: number): { bytesRead: () => number } {
  let total = 0
  setFsHook(async (name, _args, call) => {
    const result = await call()
    if (name === 'handle.stat') (result as Stats).size = size
    if (name === 'handle.read') total += (result as { bytesRead: number }).bytesRead
    if (name === 'handle.readFile') total += (result as string | Buffer).length
    return result
  })
  return { bytesRead: () => total }
}

describe('a credentials file that grows after its size was checked', () => {
  it('is refused after reading at most one byte past 1 MiB', async () => {
    const file = join(root, 'credentials.json')
    writeFileSync(file, '')
    truncateSync(file, 16 * LIMIT)
    const reads = statSaysSmall(100)
    const error = await new FileTokenStorage(file).load().catch((e: Error) => e)
    expect(isTokenStorageError(error)).toBe(true)
    expect((error as Error).message).toBe(
      `The credentials file ${file} is larger than 1 MiB; it was not read (sign in again, or delete the file)`,
    )
    expect(reads.bytesRead()).toBeLessThanOrEqual(LIMIT + 1)
  })

  it('is read whole up to exactly 1 MiB', async () => {
    const file = join(root, 'credentials.json')
    writeFileSync(file, JSON.stringify(CREDS).padEnd(LIMIT, ' '))
    const reads = statSaysSmall(100)
    expect(await new FileTokenStorage(file).load()).toEqual(CREDS)
    expect(reads.bytesRead()).toBe(LIMIT)
  })
})
