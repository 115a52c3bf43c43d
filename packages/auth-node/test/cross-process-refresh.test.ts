import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startIdentityServer } from '@amigo-ai/test-server'
import { expect, it } from 'vitest'
import { FileTokenStorage } from '../src/index'

const runWorker = (args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const script = new URL('./helpers/refresh-worker.ts', import.meta.url).pathname
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: new URL('..', import.meta.url).pathname,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stderr.on('data', (d) => {
      out += d
    })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(out))))
  })

it('three processes on one expired file-stored token cause one refresh, and all get the new token', async () => {
  // A slow refresh widens the window in which the processes overlap.
  const idp = await startIdentityServer({ refreshDelayMs: 400 })
  const directory = mkdtempSync(join(tmpdir(), 'amigo-xproc-'))
  try {
    await new FileTokenStorage({ directory }).save({
      accessToken: 'expired',
      refreshToken: idp.issueRefreshToken('ws-1'),
      expiresAt: Date.now() - 1000,
      workspaceId: 'ws-1',
      tokenType: 'Bearer',
    })
    const outputs = await Promise.all([1, 2, 3].map(() => runWorker([directory, idp.url])))
    expect(outputs).toEqual(['at-2', 'at-2', 'at-2'])
    expect(idp.refreshes()).toHaveLength(1)
    expect((await new FileTokenStorage({ directory }).load())?.refreshToken).toBe('rt-2')
  } finally {
    await idp.close()
    rmSync(directory, { recursive: true, force: true })
  }
}, 60_000)
