// The rehearsal's local registry: anyone may publish @amigo-ai packages, which are only ever
// served from what was published to it (never asked of the uplink), while other packages are
// proxied to the uplink. The uplink here is a loopback test server that records what it is asked.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendJson, startTestServer, type TestServer } from '../../packages/test-server/src/index'
import { startRegistry } from '../release/rehearsal/verdaccio.mjs'
import { exec } from '../runtimes/exec.mjs'

let uplink: TestServer
let registry: Awaited<ReturnType<typeof startRegistry>>
let dir: string

// A packument with one version, as an npm registry answers it.
const packumentFor = (name: string, origin: string) => ({
  name,
  'dist-tags': { latest: '1.0.0' },
  versions: {
    '1.0.0': {
      name,
      version: '1.0.0',
      dist: { tarball: `${origin}/${name}/-/${name}-1.0.0.tgz`, shasum: '0' },
    },
  },
})

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'amigo-registry-test-'))
  uplink = await startTestServer((req, res) => {
    sendJson(res, 200, packumentFor(decodeURIComponent(req.path.slice(1)), uplink.url))
  })
  registry = await startRegistry(join(dir, 'registry'), { uplink: `${uplink.url}/` })
})

afterAll(async () => {
  await registry?.close()
  await uplink?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('rehearsal registry', () => {
  it('listens on a loopback port the system picked', () => {
    expect(registry.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it('accepts an anonymous publish of an @amigo-ai package and serves it back', async () => {
    const pkg = join(dir, 'probe')
    mkdirSync(pkg)
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@amigo-ai/probe', version: '0.0.1' }))
    // pnpm publish, as `changeset publish` runs it in this workspace (no token: anonymous).
    const r = await exec(
      'pnpm',
      ['publish', `--registry=${registry.url}`, '--access=public', '--no-git-checks'],
      {
        cwd: pkg,
      },
    )
    expect(r.code, r.output).toBe(0)
    const res = await fetch(`${registry.url}@amigo-ai%2fprobe`)
    expect(res.status).toBe(200)
    expect(Object.keys((await res.json()).versions)).toEqual(['0.0.1'])
  })

  it('never asks the uplink for an @amigo-ai package it does not hold', async () => {
    const res = await fetch(`${registry.url}@amigo-ai%2fplatform-sdk`)
    expect(res.status).toBe(404)
    expect(uplink.requests.filter((r) => r.url.includes('amigo-ai'))).toEqual([])
  })

  it('proxies any other package to the uplink and lists it as third-party', async () => {
    const res = await fetch(`${registry.url}left-pad`)
    expect(res.status).toBe(200)
    expect(uplink.requests.map((r) => r.path)).toContain('/left-pad')
    expect(registry.thirdParty()).toContain('left-pad')
  })
})
