import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isConfigurationError } from '@amigo-ai/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openBrowser } from '../src/index'

// A fake `xdg-open` first on PATH records its argv (one line per argument) and exits with the
// code in $FAKE_EXIT. The real launcher path is the same: `open` spawns it without a shell.
let dir: string
const saved = {
  PATH: process.env.PATH,
  DISPLAY: process.env.DISPLAY,
  WAYLAND_DISPLAY: process.env.WAYLAND_DISPLAY,
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'amigo-open-'))
  const script = `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a" >> "${dir}/argv"; done\nexit \${FAKE_EXIT:-0}\n`
  writeFileSync(join(dir, 'xdg-open'), script)
  chmodSync(join(dir, 'xdg-open'), 0o755)
  process.env.PATH = `${dir}:${saved.PATH}`
  process.env.DISPLAY = ':99'
  delete process.env.WAYLAND_DISPLAY
  delete process.env.FAKE_EXIT
})
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  delete process.env.FAKE_EXIT
  rmSync(dir, { recursive: true, force: true })
})

const argv = () => readFileSync(join(dir, 'argv'), 'utf8').split('\n').filter(Boolean)

describe.runIf(process.platform === 'linux')('openBrowser (Linux launcher)', () => {
  it('passes the URL as a single argument, never through a shell', async () => {
    const url = `https://x/$(touch ${dir}/pwned)\`touch ${dir}/pwned2\`;touch ${dir}/pwned3`
    expect(await openBrowser(url, { settleMs: 2000 })).toBe(true)
    expect(argv()).toEqual([new URL(url).href])
    expect(existsSync(join(dir, 'pwned'))).toBe(false)
    expect(existsSync(join(dir, 'pwned2'))).toBe(false)
    expect(existsSync(join(dir, 'pwned3'))).toBe(false)
  })

  it('returns false when the launcher fails (no browser configured)', async () => {
    process.env.FAKE_EXIT = '3'
    expect(await openBrowser('https://example.com/device', { settleMs: 5000 })).toBe(false)
    expect(argv()).toEqual(['https://example.com/device'])
  })

  it('returns false when there is no launcher at all', async () => {
    process.env.PATH = join(dir, 'empty')
    expect(await openBrowser('https://example.com/device')).toBe(false)
  })

  it('returns false on a headless machine without starting anything', async () => {
    delete process.env.DISPLAY
    expect(await openBrowser('https://example.com/device')).toBe(false)
    expect(existsSync(join(dir, 'argv'))).toBe(false)
  })
})

describe('openBrowser input checks', () => {
  it('throws ConfigurationError for anything but an absolute http(s) URL', async () => {
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url', '/relative', 'ftp://x/y']) {
      const error = await openBrowser(bad).catch((e) => e)
      expect(isConfigurationError(error), bad).toBe(true)
    }
    expect(existsSync(join(dir, 'argv'))).toBe(false)
  })
})
