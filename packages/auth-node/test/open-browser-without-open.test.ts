// `open` is an optional peer dependency (the CLI provides it; a backend using the SDK does not
// install it). Without it, openBrowser answers false, as for any machine that cannot start a
// browser, and the caller prints the sign-in link instead.
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// The files of this package share one module graph, so this one loads the package afresh with the
// missing `open` and leaves a fresh graph behind it for the next file.
let openBrowser: typeof import('../src/index').openBrowser
beforeAll(async () => {
  vi.resetModules()
  vi.doMock('open', () => {
    throw new Error("Cannot find package 'open' imported from @amigo-ai/auth-node")
  })
  ;({ openBrowser } = await import('../src/index'))
})
afterAll(() => {
  vi.doUnmock('open')
  vi.resetModules()
})

const dir = mkdtempSync(join(tmpdir(), 'amigo-no-open-'))
const saved = { PATH: process.env.PATH, DISPLAY: process.env.DISPLAY }
afterAll(() => {
  process.env.PATH = saved.PATH
  if (saved.DISPLAY === undefined) delete process.env.DISPLAY
  else process.env.DISPLAY = saved.DISPLAY
  rmSync(dir, { recursive: true, force: true })
})

describe.runIf(process.platform === 'linux')('openBrowser without the `open` package', () => {
  it('resolves false and starts no launcher', async () => {
    // A launcher that would record being started, and a display, so only the missing package stops it.
    writeFileSync(join(dir, 'xdg-open'), `#!/bin/sh\ntouch "${dir}/started"\n`)
    chmodSync(join(dir, 'xdg-open'), 0o755)
    process.env.PATH = `${dir}:${saved.PATH}`
    process.env.DISPLAY = ':99'
    expect(await openBrowser('https://example.com/device', { settleMs: 2000 })).toBe(false)
    expect(existsSync(join(dir, 'started'))).toBe(false)
  })
})
