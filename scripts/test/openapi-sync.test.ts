import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { halfOpen, json, startTestServer, type TestServer, text } from '../../packages/test-server/src/index'
import { canonicalJson } from '../spec/json.mjs'
import { UPSTREAM_SNAPSHOT } from '../spec/paths.mjs'
import { stripProse } from '../spec/prose.mjs'
import { makeSandbox, repoRoot, runNode, type Sandbox } from './sandbox'

const specText = readFileSync(join(repoRoot, 'openapi.json'), 'utf8')
const spec = () => JSON.parse(specText)

/** The committed spec without one operation (a breaking change). */
const withoutListAgents = () => {
  const s = spec()
  delete s.paths['/v1/{workspace_id}/agents'].get
  return s
}

describe('pnpm openapi:sync', () => {
  let box: Sandbox
  let server: TestServer | undefined
  beforeAll(() => {
    box = makeSandbox()
  })
  afterAll(() => box.remove())
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  const input = (name: string, content: string) => {
    const path = join(box.root, name)
    writeFileSync(path, content)
    return path
  }

  const expectRejected = async (args: string[], message: RegExp) => {
    const before = box.fingerprint()
    const r = await runNode(box.root, 'scripts/openapi-sync.mjs', args)
    expect(r.code).not.toBe(0)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^openapi:sync: /)
    expect(lines[0]).toMatch(message)
    expect(box.fingerprint()).toEqual(before)
    return r
  }

  it('rejects a file that is not JSON and changes nothing', async () => {
    await expectRejected(['--from', input('bad.json', '{"openapi": "3.1.0", ')], /not JSON/)
  })

  it('rejects a document that is not OpenAPI 3.x', async () => {
    const swagger = JSON.stringify({ swagger: '2.0', info: { title: 't', version: '1' }, paths: {} })
    await expectRejected(['--from', input('swagger.json', swagger)], /not a valid OpenAPI 3\.x document/)
  })

  it('rejects a spec with an unresolvable $ref', async () => {
    const s = spec()
    s.components.schemas.AgentResponse.properties.broken = { $ref: '#/components/schemas/DoesNotExist' }
    await expectRejected(['--from', input('ref.json', JSON.stringify(s))], /DoesNotExist/)
  })

  it('rejects a missing file', async () => {
    await expectRejected(['--from', join(box.root, 'nope.json')], /cannot read .*nope\.json/)
  })

  it('reports a network error (connection refused)', async () => {
    const closed = await startTestServer()
    const url = `${closed.url}/openapi.json`
    await closed.close()
    await expectRejected(['--from', url], /network error fetching http:\/\/127\.0\.0\.1:\d+\/openapi\.json/)
  })

  it('reports an HTTP error status', async () => {
    server = await startTestServer({ 'GET /openapi.json': json(503, { detail: 'down' }) })
    await expectRejected(['--from', `${server.url}/openapi.json`], /HTTP 503/)
  })

  it('times out on a server that never answers', async () => {
    server = await startTestServer({ 'GET /openapi.json': halfOpen() })
    const started = Date.now()
    await expectRejected(
      ['--from', `${server.url}/openapi.json`, '--timeout', '300'],
      /timed out after 300 ms/,
    )
    expect(Date.now() - started).toBeLessThan(30_000)
  })

  it('does not echo a token from the URL in errors', async () => {
    server = await startTestServer({ 'GET /openapi.json': json(401, {}) })
    const r = await expectRejected(['--from', `${server.url}/openapi.json?token=sekrit-value`], /HTTP 401/)
    expect(r.stderr).not.toContain('sekrit-value')
  })

  it('syncing from the vendored snapshot changes no file', async () => {
    const before = box.fingerprint()
    const r = await runNode(box.root, 'scripts/openapi-sync.mjs', ['--from', UPSTREAM_SNAPSHOT])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`wrote ${UPSTREAM_SNAPSHOT} and openapi.json`)
    expect(r.stdout).toContain('No changes.')
    expect(box.fingerprint()).toEqual(before)
  }, 180_000)

  it('syncs from a file with one operation removed and prints it as breaking', async () => {
    const r = await runNode(box.root, 'scripts/openapi-sync.mjs', [
      '--from',
      input('removed.json', JSON.stringify(withoutListAgents())),
    ])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /Operations removed \(1\):\n {2}- GET \/v1\/\{workspace_id\}\/agents \(list-agents\)/,
    )
    expect(r.stdout).toMatch(
      /BREAKING changes \(\d+\):[\s\S]*operation removed: GET \/v1\/\{workspace_id\}\/agents/,
    )
    const written = JSON.parse(box.read('openapi.json'))
    expect(written.paths['/v1/{workspace_id}/agents'].get).toBeUndefined()
    expect(box.read('openapi.json').endsWith('}\n')).toBe(true)
    expect(box.read('packages/platform-sdk/src/generated/openapi.ts')).not.toContain('"list-agents": {')
  }, 180_000)

  it('syncs from a URL served on 127.0.0.1, normalises it and restores our README overlay', async () => {
    // the sandbox currently lacks list-agents; the upstream has it back, comes with unsorted keys and
    // no indentation, and lacks one README-only endpoint, which sync re-applies from our overlay
    writeFileSync(join(box.root, 'openapi.json'), JSON.stringify(withoutListAgents()))
    const upstream = spec()
    delete upstream.paths['/v1/{workspace_id}/functions/{function_name}'].get
    // upstream prose never lands in our file
    upstream.paths['/v1/{workspace_id}/agents'].get.description = 'UPSTREAM PROSE op'
    upstream.paths['/v1/{workspace_id}/agents'].get.summary = 'UPSTREAM PROSE summary'
    upstream.components.schemas.AgentResponse.description = 'UPSTREAM PROSE schema'
    upstream.components.schemas.AgentResponse.properties.name.title = 'UPSTREAM PROSE title'
    upstream.paths['/v1/{workspace_id}/agents'].get['x-upstream-note'] = 'UPSTREAM PROSE ext'
    const reversed = Object.fromEntries(Object.entries(upstream).reverse())
    server = await startTestServer({
      'GET /openapi.json': text(200, JSON.stringify(reversed), 'application/json'),
    })
    const r = await runNode(box.root, 'scripts/openapi-sync.mjs', ['--from', `${server.url}/openapi.json`])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(server.requestsTo('/openapi.json')).toHaveLength(1)
    expect(r.stdout).toContain(`from ${server.url}/openapi.json`)
    expect(r.stdout).toMatch(
      /Operations added \(1\):\n {2}- GET \/v1\/\{workspace_id\}\/agents \(list-agents\)/,
    )
    expect(box.read('openapi.json')).not.toContain('UPSTREAM PROSE')
    // the new upstream snapshot is the downloaded document without its prose
    expect(box.read(UPSTREAM_SNAPSHOT)).not.toContain('UPSTREAM PROSE')
    expect(box.read(UPSTREAM_SNAPSHOT)).toBe(canonicalJson(stripProse(structuredClone(reversed))))
    // byte-identical to the committed spec: properties named `description`/`title` survived the strip
    expect(box.read('openapi.json')).toBe(specText)
  }, 180_000)
})
