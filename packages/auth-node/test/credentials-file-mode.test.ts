// A credentials file that an older tool (or a copy) left readable by group or others holds live
// tokens: loading it makes it owner-only, and still loads it when that is not allowed. A file that
// turns out not to hold credentials is not ours, and keeps its mode.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileTokenStorage, TokenStorageError } from '../src/index'
import { setFsHook } from './helpers/fs-hooks'

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'amigo-mode-'))
})
afterEach(() => {
  setFsHook(undefined)
  rmSync(root, { recursive: true, force: true })
})

const CREDS = { access_token: 'a', refresh_token: 'r', workspace_id: 'w', expires_at: 1 }
const mode = (p: string) => statSync(p).mode & 0o777

function looseFile(storage: FileTokenStorage, fileMode: number): string {
  const file = storage.filePath()
  writeFileSync(file, JSON.stringify(CREDS))
  chmodSync(file, fileMode)
  return file
}

describe('loading a credentials file readable by others', () => {
  it('tightens it to 0600 (0644 and 0666 alike) and loads it', async () => {
    const storage = new FileTokenStorage({ directory: root })
    for (const loose of [0o644, 0o666, 0o640]) {
      const file = looseFile(storage, loose)
      expect(await storage.load()).toEqual(CREDS)
      expect(mode(file), loose.toString(8)).toBe(0o600)
    }
  })

  it('leaves an owner-only file as it is (no chmod call)', async () => {
    const storage = new FileTokenStorage({ directory: root })
    looseFile(storage, 0o400)
    const calls: string[] = []
    setFsHook((name, _args, call) => {
      calls.push(name)
      return call()
    })
    expect(await storage.load()).toEqual(CREDS)
    expect(calls.filter((c) => c.endsWith('chmod'))).toEqual([])
    expect(mode(storage.filePath())).toBe(0o400)
  })

  it('still loads it when the mode cannot be changed (a file owned by another user)', async () => {
    const storage = new FileTokenStorage({ directory: root })
    const file = looseFile(storage, 0o644)
    const refused: string[] = []
    setFsHook((name, _args, call) => {
      if (!name.endsWith('chmod')) return call()
      refused.push(name)
      return Promise.reject(Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' }))
    })
    expect(await storage.load()).toEqual(CREDS)
    expect(refused).toEqual(['handle.chmod'])
    expect(mode(file)).toBe(0o644)
  })

  it('leaves the mode of a file that is not credentials alone (the path a link to an unrelated file)', async () => {
    const storage = new FileTokenStorage({ directory: root })
    for (const [content, outcome] of [
      ['notes, not credentials', 'not valid JSON'],
      ['{"name": "some other tool", "version": 1}', null],
    ] as const) {
      const victim = join(root, 'elsewhere.txt')
      writeFileSync(victim, content)
      chmodSync(victim, 0o644)
      rmSync(storage.filePath(), { force: true })
      symlinkSync(victim, storage.filePath())
      const loaded = await storage.load().catch((e: Error) => e.message)
      if (outcome === null) expect(loaded).toBeNull()
      else expect(loaded).toMatch(outcome)
      expect(mode(victim), content).toBe(0o644)
    }
  })

  it('leaves the mode of something that is not a file alone (a directory given as the file path)', async () => {
    const path = join(root, 'credentials.json')
    mkdirSync(path)
    chmodSync(path, 0o755)
    const storage = new FileTokenStorage(path)
    await expect(storage.load()).rejects.toThrow(TokenStorageError)
    // 0600 would have locked its owner out of the directory (no search bit).
    expect(mode(path)).toBe(0o755)
  })
})
