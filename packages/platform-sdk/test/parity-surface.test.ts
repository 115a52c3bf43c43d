// Every method of the official SDK surface (test/fixtures/surface-methods.json, drawn from the
// surface facts: resource, method, arguments, HTTP method, spec path) called against the
// spec-validating mock: the method exists, sends the request the table says (method, path, required
// query, a schema-valid body) and resolves to the documented kind of result.
import { isNotFoundError } from '@amigo-ai/core'
import { describe, expect, it } from 'vitest'
import { useMockPlatform } from './helpers/mock-client'
import { methodOf as methodOn, surfaceRows as rows, type SurfaceRow } from './helpers/surface'

// Streams are covered by their own tests (they open a response body and read events).
const STREAMED = new Set(['conversations.createTurnStream', 'conversations.streamTurn'])

// Values for the few required query parameters.
const REQUIRED_QUERY: Record<string, Record<string, unknown>> = {
  'search-world-entities': { q: 'alex' },
  'connector-resources': { resource_type: 'Patient' },
  'world-sync-events': { status: 'failed' },
  'get-call-comparison': {
    current_from: '2026-02-01',
    current_to: '2026-02-28',
    previous_from: '2026-01-01',
    previous_to: '2026-01-31',
  },
}

// Path parameters whose spec type is not a UUID.
const PATH_VALUES: Record<string, string> = { metric_key: 'call_quality', version: '1' }

// Body fields that must point at records the mock holds, or match a pattern the sampler misses.
const BODY_FIXUPS: Record<string, () => Promise<Record<string, unknown>>> = {
  'create-outbound-call': async () => ({ patient_canonical_id: 'ehr:patient:1001' }),
  create_conversation_v1__workspace_id__conversations_post: async () => {
    const services = await env.client.services.list({ limit: 1 })
    const entities = await env.client.world.listEntities({ limit: 1 })
    return { service_id: services.items[0]?.id, entity_id: entities.entities[0]?.id }
  },
  'create-surface': async () => {
    const entities = await env.client.world.listEntities({ limit: 1 })
    return { entity_id: entities.entities[0]?.id }
  },
}

let serial = 0

/** A schema-valid body for the row's request schema, unique where the API wants unique slugs. */
async function bodyFor(row: SurfaceRow): Promise<unknown> {
  if (!row.body) return undefined
  const fixed = (await BODY_FIXUPS[row.operationId]?.()) ?? {}
  const sample = env.mock.store.make(row.body, fixed)
  if (typeof sample.slug === 'string')
    return env.mock.store.make(row.body, { ...fixed, slug: `parity-${++serial}` })
  return sample
}

// Downloads: bytes, or the parsed JSON document a server may send instead of the file.
// billing.getInvoicePdf answers a JSON download link (the official SDK's behaviour), so it is not binary.
const BINARY = new Set(['intake.links.downloadUpload', 'recordings.download'])

const env = useMockPlatform()

/** Resolves `client.a.b.c` to the bound method (undefined when missing). */
const methodOf = (row: SurfaceRow) => methodOn(env.client, row)

/** A well-formed id that names nothing in the mock (the spec types most ids as UUIDs). */
const idFor = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

/** Positional arguments for a row, plus the concrete path the mock should see. */
async function argumentsFor(
  row: SurfaceRow,
): Promise<{ args: unknown[]; path: string; query: Record<string, unknown> }> {
  const placeholders = [...row.path.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1] as string)
    .filter((p) => p !== 'workspace_id')
  const values: Record<string, string> = {}
  const args: unknown[] = []
  let query: Record<string, unknown> = {}
  let next = 0
  for (const arg of row.args) {
    if (arg.name === 'options') continue
    if (arg.name === 'body' || arg.name === 'request') {
      args.push(await bodyFor(row))
    } else if (arg.name === 'params') {
      query = REQUIRED_QUERY[row.operationId] ?? {}
      args.push(Object.keys(query).length ? query : undefined)
    } else if (arg.name === 'id' || arg.name === 'target') {
      args.push(undefined)
    } else if (arg.default !== undefined) {
      args.push(undefined)
      query = { [arg.name]: arg.default }
    } else {
      const name = placeholders[next++] as string
      values[name] = PATH_VALUES[name] ?? idFor(next)
      args.push(values[name])
    }
  }
  const path = row.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'workspace_id' ? env.mock.workspaceId : (values[name] as string),
  )
  return { args, path, query }
}

/** Describes what came back, for the per-row expectation. */
function kindOf(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (value instanceof Uint8Array) return 'bytes'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

const groups = new Map<string, SurfaceRow[]>()
for (const row of rows) groups.set(row.resource, [...(groups.get(row.resource) ?? []), row])

describe('surface parity: every official method exists', () => {
  it('lists 406 HTTP methods across the resources (410 minus the four WebSocket/SSE helpers)', () => {
    expect(rows.length).toBe(406)
    const missing = rows.filter((r) => !methodOf(r)).map((r) => `${r.resource}.${r.member}`)
    expect(missing).toEqual([])
  })

  it('every resource and sub-resource has withOptions', () => {
    for (const row of rows) {
      let target: unknown = (env.client as unknown as Record<string, unknown>)[row.resource]
      for (const part of row.member.split('.').slice(0, -1))
        target = (target as Record<string, unknown>)[part]
      expect(typeof (target as { withOptions?: unknown }).withOptions, `${row.resource}.${row.member}`).toBe(
        'function',
      )
    }
  })
})

for (const [resource, group] of groups) {
  describe(`surface parity: ${resource}`, () => {
    const callable = group.filter((r) => !STREAMED.has(`${r.resource}.${r.member}`))
    it.each(callable.map((r) => [r.member, r] as const))('%s', async (_member, row) => {
      const fn = methodOf(row)
      if (!fn) throw new Error(`${row.resource}.${row.member} is missing`)
      const { args, path, query } = await argumentsFor(row)
      const start = env.mock.requests.length
      let result: unknown
      let notFound = false
      try {
        if (row.autoPagingOf) {
          const items: unknown[] = []
          for await (const item of fn(...args) as AsyncIterable<unknown>) {
            items.push(item)
            if (items.length >= 3) break
          }
          result = items
        } else {
          result = await fn(...args)
        }
      } catch (error) {
        // Routes with a stateful mock handler answer 404 for the made-up ids used here; the request
        // still passed the mock's spec validation (a wrong path, query or body would be 404/405/422
        // from the router or validator, which the assertions below tell apart).
        if (!isNotFoundError(error) || !/\{(?!workspace_id)/.test(row.path)) throw error
        notFound = true
      }
      const sent = env.mock.requests.slice(start)
      expect(sent.length, 'requests sent').toBeGreaterThan(0)
      const first = sent[0]
      expect(`${first?.method} ${first?.path}`).toBe(`${row.http} ${path}`)
      if (notFound) {
        expect(first?.operationId, 'the router matched the spec operation').toBeDefined()
        expect(first?.status).toBe(404)
        return
      }
      expect(first?.status).toBeLessThan(300)
      for (const [key, value] of Object.entries(query)) expect(first?.query[key]).toBe(String(value))
      if (row.body) expect(first?.body).toBeDefined()
      const name = `${row.resource}.${row.member}`
      if (row.autoPagingOf) expect(kindOf(result)).toBe('array')
      else if (BINARY.has(name)) expect(['bytes', 'object']).toContain(kindOf(result))
      else if (row.noContent) expect(result).toBeUndefined()
      else expect(['object', 'array', 'string', 'number', 'boolean']).toContain(kindOf(result))
    })
  })
}
