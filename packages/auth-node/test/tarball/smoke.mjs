// Runs against the packed tarball (ESM import): formats instructions, round-trips credentials
// through MemoryTokenStorage + TokenManager, and on Linux opens a URL through a fake xdg-open
// (proving the ESM-only `open` dependency loads and no shell sees the URL). Its refresh-token
// errors are core's own classes, so one `instanceof` works whichever package an app imports them from.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  formatDeviceCodeInstructions,
  MemoryTokenStorage,
  openBrowser,
  RefreshTokenExpiredError,
  TokenManager,
} from '@amigo-ai/auth-node'
import * as core from '@amigo-ai/core'

if (RefreshTokenExpiredError !== core.RefreshTokenExpiredError)
  throw new Error("auth-node's RefreshTokenExpiredError is not core's")

const text = formatDeviceCodeInstructions({
  user_code: 'WDJB-MJHT',
  verification_uri: 'https://example.com/device',
  verification_uri_complete: 'https://example.com/device?code=WDJB-MJHT',
})
if (!text.includes('WDJB-MJHT') || !text.includes('https://example.com/device'))
  throw new Error(`bad text: ${text}`)

const tokens = new TokenManager({ storage: new MemoryTokenStorage() })
await tokens.store({
  accessToken: 'tok',
  refreshToken: '',
  expiresAt: Math.floor(Date.now() / 1000) + 3600,
  workspaceId: 'ws',
})
if ((await tokens.asApiKey()()) !== 'tok') throw new Error('token round trip failed')
if ((await tokens.getAccessToken())?.workspaceId !== 'ws') throw new Error('getAccessToken shape')

if (process.platform === 'linux') {
  const dir = mkdtempSync(join(tmpdir(), 'smoke-open-'))
  try {
    writeFileSync(join(dir, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/argv"\n`)
    chmodSync(join(dir, 'xdg-open'), 0o755)
    process.env.PATH = `${dir}:${process.env.PATH}`
    process.env.DISPLAY = ':99'
    const url = `https://x/$(touch ${dir}/pwned)`
    if ((await openBrowser(url, { settleMs: 3000 })) !== true) throw new Error('openBrowser did not open')
    if (readFileSync(join(dir, 'argv'), 'utf8').trim() !== new URL(url).href) throw new Error('wrong argv')
    if (existsSync(join(dir, 'pwned'))) throw new Error('a shell saw the URL')
    delete process.env.DISPLAY
    delete process.env.WAYLAND_DISPLAY
    if ((await openBrowser('https://example.com')) !== false) throw new Error('headless should be false')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
console.log('auth-node ESM ok')
