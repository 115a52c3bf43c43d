import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startIdentityServer } from '@amigo-ai/test-server'
import { expect, it } from 'vitest'
import { FileTokenStorage } from '../src/index'
import { runTsxScript } from './helpers/run-tsx-script'

const runWorker = (args: string[]) => runTsxScript('refresh-worker.ts', args)

it('three processes on one expired file-stored token cause one refresh, and all get the new token', async () => {
  // A slow refresh widens the window in which the processes overlap.
  const idp = await startIdentityServer({ refreshDelayMs: 400 })
  const directory = mkdtempSync(join(tmpdir(), 'amigo-xproc-'))
  try {
    await new FileTokenStorage({ directory }).save({
      access_token: 'expired',
      refresh_token: idp.issueRefreshToken('ws-1'),
      expires_at: Math.floor(Date.now() / 1000) - 1,
      workspace_id: 'ws-1',
    })
    const outputs = await Promise.all([1, 2, 3].map(() => runWorker([directory, idp.url])))
    expect(outputs).toEqual(['at-2', 'at-2', 'at-2'])
    expect(idp.refreshes()).toHaveLength(1)
    expect((await new FileTokenStorage({ directory }).load())?.refresh_token).toBe('rt-2')
  } finally {
    await idp.close()
    rmSync(directory, { recursive: true, force: true })
  }
}, 60_000)
