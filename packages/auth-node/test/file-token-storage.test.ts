import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isConfigurationError } from '@amigo-ai/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileTokenStorage, isTokenStorageError, type StoredCredentials, TokenManager } from '../src/index'
import { defaultConfigDirectory } from '../src/node/config-directory'
import { acquireFileLock } from '../src/node/file-lock'
import { runTsxScript } from './helpers/run-tsx-script'

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'amigo-auth-'))
})
afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

const creds = (n = 1): StoredCredentials => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresAt: Date.UTC(2030, 0, 1),
  workspaceId: 'ws-1',
  tokenType: 'Bearer',
  scope: 'all',
  identityBaseUrl: 'https://identity.example',
})
const mode = (p: string) => statSync(p).mode & 0o777

describe('FileTokenStorage', () => {
  it('round-trips credentials through a 0600 file in a 0700 directory, even with umask 000', async () => {
    const previous = process.umask(0)
    try {
      const directory = join(root, 'nested', 'amigo')
      const storage = new FileTokenStorage({ directory })
      await storage.save(creds())
      const file = storage.filePath()
      expect(file).toBe(join(directory, 'credentials.json'))
      expect(mode(directory)).toBe(0o700)
      expect(mode(file)).toBe(0o600)
      expect(await storage.load()).toEqual(creds())
      const onDisk = JSON.parse(readFileSync(file, 'utf8'))
      expect(onDisk).toMatchObject({
        version: 1,
        access_token: 'access-1',
        refresh_token: 'refresh-1',
        workspace_id: 'ws-1',
        expires_at: '2030-01-01T00:00:00.000Z',
        identity_base_url: 'https://identity.example',
      })
      // No temp or lock files are left behind.
      expect(readdirSync(directory)).toEqual(['credentials.json'])
    } finally {
      process.umask(previous)
    }
  })

  it('tightens an existing group/world-readable directory and replaces a loose file with a 0600 one', async () => {
    const directory = join(root, 'loose')
    const storage = new FileTokenStorage({ directory })
    await storage.save(creds())
    const { chmodSync } = await import('node:fs')
    chmodSync(directory, 0o755)
    chmodSync(storage.filePath(), 0o644)
    await storage.save(creds(2))
    expect(mode(directory)).toBe(0o700)
    expect(mode(storage.filePath())).toBe(0o600)
  })

  it('returns undefined when nothing is stored, and clear() is idempotent', async () => {
    const storage = new FileTokenStorage({ directory: root })
    expect(await storage.load()).toBeUndefined()
    await storage.save(creds())
    await storage.clear()
    await storage.clear()
    expect(await storage.load()).toBeUndefined()
  })

  it('keeps one file per profile', async () => {
    const storage = new FileTokenStorage({ directory: root, profile: 'work' })
    await storage.save(creds(1))
    await storage.save(creds(2), 'staging')
    expect((await storage.load())?.accessToken).toBe('access-1')
    expect((await storage.load('staging'))?.accessToken).toBe('access-2')
    expect(readdirSync(root).sort()).toEqual(['credentials-staging.json', 'credentials-work.json'])
  })

  it('refuses profile names that could escape the directory', () => {
    for (const bad of ['../x', 'a/b', '.hidden', '', 'x'.repeat(65)]) {
      const error = (() => {
        try {
          new FileTokenStorage({ directory: root, profile: bad })
        } catch (e) {
          return e
        }
      })()
      expect(isConfigurationError(error), bad).toBe(true)
    }
  })

  it('reports a corrupt file as TokenStorageError naming the file, and recovers after a new save', async () => {
    const storage = new FileTokenStorage({ directory: root })
    const file = storage.filePath()
    writeFileSync(file, '{"access_token": "abc", trunc')
    const error = await storage.load().catch((e) => e)
    expect(isTokenStorageError(error)).toBe(true)
    expect(error.message).toContain(file)
    expect(error.path).toBe(file)
    expect(error.message).not.toContain('abc')

    writeFileSync(file, JSON.stringify({ access_token: 'abc', expires_at: 'yesterday' }))
    const fields = await storage.load().catch((e) => e)
    expect(isTokenStorageError(fields)).toBe(true)
    expect(fields.message).toMatch(/expires_at/)
    expect(fields.message).toMatch(/workspace_id/)

    writeFileSync(file, '[]')
    expect(isTokenStorageError(await storage.load().catch((e) => e))).toBe(true)

    // TokenManager passes the same clear error on instead of crashing.
    const manager = new TokenManager({ storage })
    expect(isTokenStorageError(await manager.getAccessToken().catch((e) => e))).toBe(true)

    await storage.save(creds())
    expect(await storage.load()).toEqual(creds())
  })

  it('waits for a live lock and times out clearly', async () => {
    const storage = new FileTokenStorage({ directory: root, lock: { timeoutMs: 100 } })
    const lock = `${storage.filePath()}.lock`
    // A lock held by a process that is alive (this one's parent) is respected.
    writeFileSync(lock, `${process.ppid} busy`)
    const live = await storage.save(creds()).catch((e) => e)
    expect(isTokenStorageError(live)).toBe(true)
    expect(live.message).toContain(lock)
    expect(existsSync(lock)).toBe(true)
  })

  it('takes over a lock whose process is gone, or one older than staleMs', async () => {
    const storage = new FileTokenStorage({ directory: root, lock: { staleMs: 5_000, timeoutMs: 2_000 } })
    const lock = `${storage.filePath()}.lock`
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    })
    writeFileSync(lock, `${dead.stdout} crashed`)
    await storage.save(creds(1))
    expect(existsSync(lock)).toBe(false)

    writeFileSync(lock, `${process.ppid} hung`)
    const old = new Date(Date.now() - 10_000)
    utimesSync(lock, old, old)
    await storage.save(creds(2))
    expect(await storage.load()).toEqual(creds(2))
    expect(readdirSync(root)).toEqual(['credentials.json'])
  })

  it('serialises writers in one process through the lock', async () => {
    const lockPath = join(root, 'x.lock')
    const order: string[] = []
    const release = await acquireFileLock(lockPath)
    const second = acquireFileLock(lockPath).then(async (r) => {
      order.push('second')
      await r()
    })
    await new Promise((r) => setTimeout(r, 30))
    order.push('first-done')
    await release()
    await second
    expect(order).toEqual(['first-done', 'second'])
  })

  it('two processes writing at once leave one valid file', async () => {
    const run = (writer: string) => runTsxScript('concurrent-writer.ts', [root, writer, '40'])
    const outputs = await Promise.all([run('a'), run('b')])
    expect(outputs.map((o) => o.trim())).toEqual(['done a', 'done b'])

    const storage = new FileTokenStorage({ directory: root })
    const final = await storage.load()
    const writer = final?.workspaceId.slice(3) as string
    expect(['a', 'b']).toContain(writer)
    // The file holds exactly one writer's last save, never a mix of the two.
    expect(final?.refreshToken).toBe(`${writer}:39`)
    expect(final?.accessToken).toBe(`${writer}:39:${writer.repeat(20_000)}`)
    expect(mode(storage.filePath())).toBe(0o600)
    expect(readdirSync(root)).toEqual(['credentials.json'])
  }, 60_000)
})

describe('defaultConfigDirectory', () => {
  it('follows each platform convention and the overrides', () => {
    expect(defaultConfigDirectory({}, 'linux', '/home/u')).toBe('/home/u/.config/amigo')
    expect(defaultConfigDirectory({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/amigo')
    expect(defaultConfigDirectory({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/u')).toBe(
      '/home/u/.config/amigo',
    )
    expect(defaultConfigDirectory({}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/amigo',
    )
    expect(defaultConfigDirectory({ APPDATA: '/appdata' }, 'win32', '/home/u')).toBe(
      join('/appdata', 'amigo'),
    )
    expect(defaultConfigDirectory({ AMIGO_CONFIG_DIR: '/custom' }, 'linux', '/home/u')).toBe('/custom')
  })

  it('is what FileTokenStorage uses by default', () => {
    const previous = process.env.XDG_CONFIG_HOME
    process.env.XDG_CONFIG_HOME = root
    try {
      expect(new FileTokenStorage().filePath()).toBe(join(root, 'amigo', 'credentials.json'))
    } finally {
      if (previous === undefined) delete process.env.XDG_CONFIG_HOME
      else process.env.XDG_CONFIG_HOME = previous
    }
  })
})
