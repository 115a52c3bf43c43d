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
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FileTokenStorage, isTokenStorageError, type StoredCredentials, TokenManager } from '../src/index'
import { defaultConfigDirectory, officialCredentialsFile } from '../src/node/config-directory'
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
  access_token: `access-${n}`,
  refresh_token: `refresh-${n}`,
  workspace_id: 'ws-1',
  expires_at: Date.UTC(2030, 0, 1) / 1000,
  scope: 'all',
  identity_base_url: 'https://identity.example',
  token_type: 'Bearer',
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
      // On disk: the official SDK's format, so either SDK reads what the other wrote.
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(creds())
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

  it('only takes group and other permissions away from an existing directory, never gives its owner more', async () => {
    const { chmodSync } = await import('node:fs')
    const directory = join(root, 'kept')
    const storage = new FileTokenStorage({ directory })
    await storage.save(creds())
    // A folder its owner made read-only (0500) stays so; a grant to the group is taken away.
    for (const [before, after] of [
      [0o500, 0o500],
      [0o550, 0o500],
      [0o750, 0o700],
    ] as const) {
      chmodSync(directory, before)
      try {
        // Without write permission the lock cannot be made (as root it can): either way, no chmod to 0700.
        await storage.clear().catch(() => {})
        expect(mode(directory), before.toString(8)).toBe(after)
      } finally {
        chmodSync(directory, 0o700)
      }
    }
  })

  it('returns null when nothing is stored, and clear() is idempotent', async () => {
    const storage = new FileTokenStorage({ directory: root })
    expect(await storage.load()).toBeNull()
    await storage.save(creds())
    await storage.clear()
    await storage.clear()
    expect(await storage.load()).toBeNull()
  })

  it('keeps one file per profile', async () => {
    const storage = new FileTokenStorage({ directory: root, profile: 'work' })
    await storage.save(creds(1))
    await storage.save(creds(2), 'staging')
    expect((await storage.load())?.access_token).toBe('access-1')
    expect((await storage.load('staging'))?.access_token).toBe('access-2')
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

  it('reports a file that is not JSON as TokenStorageError naming the file, and recovers after a new save', async () => {
    const storage = new FileTokenStorage({ directory: root })
    const file = storage.filePath()
    writeFileSync(file, '{"access_token": "abc", trunc')
    const error = await storage.load().catch((e) => e)
    expect(isTokenStorageError(error)).toBe(true)
    expect(error.message).toContain(file)
    expect(error.path).toBe(file)
    expect(error.message).not.toContain('abc')

    // TokenManager passes the same clear error on instead of crashing.
    const manager = new TokenManager({ storage })
    expect(isTokenStorageError(await manager.getAccessToken().catch((e) => e))).toBe(true)

    await storage.save(creds())
    expect(await storage.load()).toEqual(creds())
  })

  it('reads a file that starts with a UTF-8 byte order mark, as some Windows editors write it', async () => {
    const storage = new FileTokenStorage({ directory: root })
    writeFileSync(storage.filePath(), `\uFEFF${JSON.stringify(creds())}`)
    expect(await storage.load()).toEqual(creds())
    // One mark only: a second is not whitespace JSON allows, so the file is not JSON.
    writeFileSync(storage.filePath(), `\uFEFF\uFEFF${JSON.stringify(creds())}`)
    expect(isTokenStorageError(await storage.load().catch((e) => e))).toBe(true)
  })

  it('answers null for JSON that lacks a required field, as the official SDK does', async () => {
    const storage = new FileTokenStorage({ directory: root })
    for (const content of [
      { access_token: 'only' },
      { access_token: 'a', workspace_id: 'w', expires_at: 'yesterday' },
      { access_token: 'a', workspace_id: 'w', expires_at: 1, refresh_token: 5 },
      [],
      'text',
    ]) {
      writeFileSync(storage.filePath(), JSON.stringify(content))
      expect(await storage.load(), JSON.stringify(content)).toBeNull()
    }
    // A missing refresh token alone is fine: it reads as an empty one.
    writeFileSync(storage.filePath(), JSON.stringify({ access_token: 'a', workspace_id: 'w', expires_at: 1 }))
    expect(await storage.load()).toEqual({
      access_token: 'a',
      refresh_token: '',
      workspace_id: 'w',
      expires_at: 1,
    })
  })

  it("reads this package's first file format (version 1, expires_at as an ISO string)", async () => {
    const storage = new FileTokenStorage({ directory: root })
    writeFileSync(
      storage.filePath(),
      JSON.stringify({
        version: 1,
        access_token: 'a',
        refresh_token: 'r',
        expires_at: '2030-01-01T00:00:00.000Z',
        workspace_id: 'w',
        token_type: 'Bearer',
        session_id: 's',
      }),
    )
    expect(await storage.load()).toEqual({
      access_token: 'a',
      refresh_token: 'r',
      expires_at: Date.UTC(2030, 0, 1) / 1000,
      workspace_id: 'w',
      token_type: 'Bearer',
      session_id: 's',
    })
  })

  it('refuses to save credentials it could not load back, naming the fields', async () => {
    const storage = new FileTokenStorage({ directory: root })
    const error = await storage.save({ access_token: 'secret-value' } as StoredCredentials).catch((e) => e)
    expect(isConfigurationError(error)).toBe(true)
    expect(error.message).toMatch(/workspace_id, expires_at/)
    expect(error.message).not.toContain('secret-value')
    expect(readdirSync(root)).toEqual([])
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
    const writer = final?.workspace_id.slice(3) as string
    expect(['a', 'b']).toContain(writer)
    // The file holds exactly one writer's last save, never a mix of the two.
    expect(final?.refresh_token).toBe(`${writer}:39`)
    expect(final?.access_token).toBe(`${writer}:39:${writer.repeat(20_000)}`)
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

describe('FileTokenStorage constructor forms', () => {
  it('takes a string as the file path, as the official SDK does', async () => {
    const file = join(root, 'nested', 'creds.json')
    const storage = new FileTokenStorage(file)
    expect(storage.path).toBe(file)
    expect(storage.directory).toBe(join(root, 'nested'))
    expect(await storage.load()).toBeNull()
    await storage.save(creds())
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(creds())
    expect(mode(file)).toBe(0o600)
    expect(mode(join(root, 'nested'))).toBe(0o700)
    // Other profiles sit beside it.
    await storage.save(creds(2), 'work')
    expect(readdirSync(join(root, 'nested')).sort()).toEqual(['creds-work.json', 'creds.json'])
    await storage.clear()
    expect(await storage.load()).toBeNull()
    expect((await storage.load('work'))?.access_token).toBe('access-2')
  })

  it('never writes to the default directory when given a path', async () => {
    vi.stubEnv('AMIGO_CONFIG_DIR', join(root, 'default-dir'))
    try {
      await new FileTokenStorage(join(root, 'mine.json')).save(creds())
      expect(existsSync(join(root, 'default-dir'))).toBe(false)
      expect(existsSync(join(root, 'mine.json'))).toBe(true)
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('leaves the mode of an existing directory it was pointed into by a path alone', async () => {
    const { chmodSync } = await import('node:fs')
    chmodSync(root, 0o755)
    await new FileTokenStorage(join(root, 'creds.json')).save(creds())
    expect(mode(root)).toBe(0o755)
    expect(mode(join(root, 'creds.json'))).toBe(0o600)
  })

  it('never tightens a shared directory reached through a link: the sticky temp dir, the home dir', async () => {
    const { chmodSync, mkdirSync, symlinkSync } = await import('node:fs')
    // Like macOS's /tmp, a link to /private/tmp: sticky and writable by all.
    const sharedTmp = join(root, 'private', 'tmp')
    mkdirSync(sharedTmp, { recursive: true })
    chmodSync(sharedTmp, 0o1777)
    symlinkSync(sharedTmp, join(root, 'tmp'))
    await new FileTokenStorage({ directory: join(root, 'tmp') }).save(creds())
    expect(statSync(sharedTmp).mode & 0o7777).toBe(0o1777)
    // The home directory (not writable by others) named through a link of its own.
    const home = join(root, 'home')
    mkdirSync(home, { mode: 0o755 })
    chmodSync(home, 0o755)
    symlinkSync(home, join(root, 'home-link'))
    vi.stubEnv('HOME', home)
    try {
      await new FileTokenStorage({ directory: join(root, 'home-link') }).save(creds())
      expect(mode(home)).toBe(0o755)
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('clear() on a path whose directory does not exist creates nothing', async () => {
    const missing = join(root, 'not-there', 'creds.json')
    await new FileTokenStorage(missing).clear()
    expect(existsSync(join(root, 'not-there'))).toBe(false)
  })

  it('refuses any other argument with a ConfigurationError naming what is wrong', () => {
    const wrong: [unknown, RegExp][] = [
      [42, /file path \(string\) or an options object .*got a number/],
      [null, /got null/],
      [['/x'], /got an array/],
      [() => '/x', /got a function/],
      ['', /the file path is empty/],
      ['   ', /the file path is empty/],
      [{ path: '/x' }, /unknown option path/],
      [{ filePath: '/x', directory: root }, /unknown option filePath/],
      [{ directory: 7 }, /directory must be a non-empty path/],
      [{ lock: 'x' }, /lock must be an object/],
    ]
    for (const [arg, message] of wrong) {
      let caught: unknown
      try {
        new FileTokenStorage(arg as never)
      } catch (e) {
        caught = e
      }
      expect(isConfigurationError(caught), String(arg)).toBe(true)
      expect((caught as Error).message).toMatch(message)
    }
  })
})

describe("the official SDK's default file", () => {
  const withHome = async (fn: (home: string) => Promise<void>) => {
    const home = join(root, 'home')
    vi.stubEnv('HOME', home)
    vi.stubEnv('XDG_CONFIG_HOME', join(home, '.config'))
    vi.stubEnv('AMIGO_CONFIG_DIR', undefined)
    try {
      await fn(home)
    } finally {
      vi.unstubAllEnvs()
    }
  }

  it('is read when the default location has no login yet, and clear() removes it too', async () => {
    await withHome(async (home) => {
      const official = join(home, '.amigo', 'credentials.json')
      expect(officialCredentialsFile()).toBe(official)
      const { mkdirSync } = await import('node:fs')
      mkdirSync(join(home, '.amigo'), { recursive: true })
      writeFileSync(official, JSON.stringify(creds(7)))
      const storage = new FileTokenStorage()
      expect((await storage.load())?.access_token).toBe('access-7')
      await storage.save(creds(8))
      expect((await storage.load())?.access_token).toBe('access-8')
      await storage.clear()
      expect(existsSync(official)).toBe(false)
      expect(await storage.load()).toBeNull()
    })
  })

  it('is not read for an explicit directory, a path, another profile or with AMIGO_CONFIG_DIR', async () => {
    await withHome(async (home) => {
      const { mkdirSync } = await import('node:fs')
      mkdirSync(join(home, '.amigo'), { recursive: true })
      writeFileSync(join(home, '.amigo', 'credentials.json'), JSON.stringify(creds(7)))
      expect(await new FileTokenStorage({ directory: join(root, 'd') }).load()).toBeNull()
      expect(await new FileTokenStorage(join(root, 'p.json')).load()).toBeNull()
      expect(await new FileTokenStorage({ profile: 'work' }).load()).toBeNull()
      vi.stubEnv('AMIGO_CONFIG_DIR', join(root, 'cfg'))
      expect(await new FileTokenStorage().load()).toBeNull()
    })
  })
})
