// A credentials path that is not a small regular file: a FIFO (opening it for reading waits for a
// writer), a device that never ends (/dev/zero) or a huge file. Loading it fails at once with a
// TokenStorageError naming the path, instead of hanging or reading it into memory.
import { execFileSync } from 'node:child_process'
import { closeSync, constants, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileTokenStorage, isTokenStorageError } from '../src/index'

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'amigo-kind-'))
})
afterEach(() => {
  // A load still waiting on the FIFO (the failure this file tests for) is let go by a writer.
  try {
    closeSync(openSync(join(root, 'fifo.json'), constants.O_WRONLY | constants.O_NONBLOCK))
  } catch {
    // No FIFO, or nobody waiting on it.
  }
  rmSync(root, { recursive: true, force: true })
})

async function loadError(path: string): Promise<Error> {
  const error = await new FileTokenStorage(path).load().then(
    () => new Error('load resolved'),
    (e: Error) => e,
  )
  expect(isTokenStorageError(error), error.message).toBe(true)
  expect((error as { path?: string }).path).toBe(path)
  return error
}

describe('loading a credentials path that is not a small regular file', () => {
  it.skipIf(process.platform === 'win32')(
    'a FIFO is refused at once, without waiting for a writer',
    async () => {
      const fifo = join(root, 'fifo.json')
      execFileSync('mkfifo', [fifo])
      expect((await loadError(fifo)).message).toBe(`The credentials path ${fifo} is not a regular file`)
    },
    5_000,
  )

  it.skipIf(process.platform !== 'linux')('/dev/zero is refused without being read', async () => {
    expect((await loadError('/dev/zero')).message).toBe(
      'The credentials path /dev/zero is not a regular file',
    )
  })

  it('a file over 1 MiB is refused without being read, one of 1 MiB is read', async () => {
    const huge = join(root, 'huge.json')
    writeFileSync(huge, '')
    truncateSync(huge, 64 * 1024 * 1024)
    expect((await loadError(huge)).message).toMatch(
      /^The credentials file .+ is larger than 1 MiB; it was not read/,
    )
    const full = join(root, 'full.json')
    const creds = JSON.stringify({ access_token: 'a', refresh_token: 'r', workspace_id: 'w', expires_at: 1 })
    writeFileSync(full, creds.padEnd(1_048_576, ' '))
    expect(await new FileTokenStorage(full).load()).toMatchObject({ access_token: 'a' })
  })
})
