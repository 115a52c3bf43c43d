import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSpec } from '../spec/build-openapi.mjs'
import { canonicalJson, listOperations } from '../spec/json.mjs'
import { ADDED_OPERATIONS } from '../spec/overlay.mjs'
import { UPSTREAM_SNAPSHOT } from '../spec/paths.mjs'
import { stripProse } from '../spec/prose.mjs'
import { makeSandbox, repoRoot, runNode, type Sandbox } from './sandbox'

const factsPath = join(repoRoot, UPSTREAM_SNAPSHOT)
const spec = JSON.parse(readFileSync(join(repoRoot, 'openapi.json'), 'utf8'))
const ops = listOperations(spec)
const opAt = (method: string, path: string) => ops.find((o) => o.method === method && o.path === path)?.op

describe('openapi.json', () => {
  it('is canonical JSON (sorted keys, 2-space indent, trailing newline)', () => {
    expect(readFileSync(join(repoRoot, 'openapi.json'), 'utf8')).toBe(canonicalJson(spec))
    expect(spec.openapi).toMatch(/^3\.1\./)
  })

  it('has every README-only endpoint', () => {
    expect(ADDED_OPERATIONS.length).toBeGreaterThanOrEqual(21)
    for (const [method, path, operationId] of ADDED_OPERATIONS) {
      expect(opAt(method, path)?.operationId, `${method} ${path}`).toBe(operationId)
    }
    for (const path of ['/token', '/device/code']) expect(opAt('post', path)?.security).toEqual([])
    const token = opAt('post', '/token')
    expect(Object.keys(token.requestBody.content)).toEqual(['application/x-www-form-urlencoded'])
    expect(Object.keys(token.responses).sort()).toEqual(['200', '300', '400', '401', '429'])
    const secret = spec.components.schemas.ExternalIntegrationCredentialSecretResponse
    expect(secret.required).toEqual(['client_secret', 'credential'])
  })

  it('leaves public surface and upload routes without security, everything else with it', () => {
    const pub = ops.filter((o) => o.path.startsWith('/s/') || o.path.startsWith('/upload/'))
    expect(pub.length).toBeGreaterThan(10)
    for (const o of pub) expect(o.op.security, `${o.method} ${o.path}`).toEqual([])
    expect(opAt('get', '/v1/{workspace_id}/agents')?.security).toBeUndefined()
    expect(spec.security).toEqual([{ BearerAuth: [] }])
  })

  it('has a summary on every operation', () => {
    for (const o of ops) expect(o.op.summary, `${o.method} ${o.path}`).toMatch(/\S/)
    expect(opAt('get', '/v1/{workspace_id}/agents')?.summary).toBe('List agents in the workspace')
    expect(opAt('get', '/v1/{workspace_id}/analytics/calls')?.summary).toBe('Call stats')
  })
})

describe('upstream snapshot coverage', () => {
  const facts = JSON.parse(readFileSync(factsPath, 'utf8'))
  let box: Sandbox
  beforeAll(() => {
    box = makeSandbox()
  })
  afterAll(() => box.remove())

  it('is the vendored snapshot, canonical and free of prose', () => {
    const text = readFileSync(factsPath, 'utf8')
    expect(text).toBe(canonicalJson(facts))
    expect(canonicalJson(stripProse(structuredClone(facts)))).toBe(text)
    expect(Object.keys(facts.paths)).toHaveLength(397)
    expect(Object.keys(facts.components.schemas)).toHaveLength(843)
  })

  it('keeps every facts operation with its method, path and operationId', () => {
    const factOps = listOperations(facts)
    expect(factOps).toHaveLength(487)
    for (const f of factOps)
      expect(opAt(f.method, f.path)?.operationId, `${f.method} ${f.path}`).toBe(f.operationId)
    for (const name of Object.keys(facts.components.schemas))
      expect(spec.components.schemas[name]).toBeDefined()
  })

  it('keeps facts parameters (name, location, required, schema) unchanged', () => {
    for (const f of listOperations(facts)) {
      const ours = opAt(f.method, f.path)
      for (const p of f.op.parameters ?? []) {
        const mine = ours.parameters.find(
          (q: { in: string; name: string }) => q.in === p.in && q.name === p.name,
        )
        expect(mine, `${f.method} ${f.path} ${p.name}`).toEqual(p)
      }
    }
  })

  it('is rebuilt byte for byte by build-openapi from the facts', () => {
    expect(canonicalJson(buildSpec(facts))).toBe(canonicalJson(buildSpec(facts)))
    expect(canonicalJson(buildSpec(facts))).toBe(readFileSync(join(repoRoot, 'openapi.json'), 'utf8'))
  })

  it('build-openapi reads the vendored snapshot by default', async () => {
    const r = await runNode(box.root, 'scripts/spec/build-openapi.mjs', ['--out', 'rebuilt.json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(box.read('rebuilt.json')).toBe(readFileSync(join(repoRoot, 'openapi.json'), 'utf8'))
  }, 60_000)

  it('validate-spec passes on the committed spec', async () => {
    const r = await runNode(repoRoot, 'scripts/validate-spec.mjs')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
  }, 60_000)

  it('validate-spec fails, naming it, when a facts operation is missing', async () => {
    const broken = structuredClone(spec)
    delete broken.paths['/v1/{workspace_id}/skills'].post
    const path = join(box.root, 'broken.json')
    writeFileSync(path, JSON.stringify(broken))
    const r = await runNode(repoRoot, 'scripts/validate-spec.mjs', ['--spec', path])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('missing POST /v1/{workspace_id}/skills (create-skill)')
  }, 60_000)

  it('validate-spec fails, naming it, when the upstream snapshot cannot be read', async () => {
    const r = await runNode(repoRoot, 'scripts/validate-spec.mjs', ['--facts', join(box.root, 'nope.json')])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/cannot read or parse the upstream snapshot .*nope\.json/)
  }, 60_000)

  it('validate-spec fails when a README-only endpoint is missing', async () => {
    const broken = structuredClone(spec)
    delete broken.paths['/token']
    const path = join(box.root, 'no-token.json')
    writeFileSync(path, JSON.stringify(broken))
    const r = await runNode(repoRoot, 'scripts/validate-spec.mjs', ['--spec', path])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('missing POST /token (create-token)')
  }, 60_000)
})
