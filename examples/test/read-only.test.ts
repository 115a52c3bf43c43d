// Examples that read or create plain resources: each runs against its own mock, like a user's first try.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { main as listAgents } from '../agents/list-agents'
import { main as callAnalytics } from '../analytics/call-analytics'
import { main as requestControl } from '../request-control/request-control'
import { main as patientForm } from '../surfaces/patient-form'
import { main as searchEntities } from '../world/search-entities'
import { type MockEnv, startMockEnv } from './mock-env'

let ctx: MockEnv
let log: string[]
beforeEach(async () => {
  ctx = await startMockEnv()
  log = []
  vi.spyOn(console, 'log').mockImplementation((...args) => void log.push(args.join(' ')))
})
afterEach(async () => {
  vi.restoreAllMocks()
  await ctx.mock.close()
})

describe('examples against the mock', () => {
  it('list-agents pages through every agent', async () => {
    const result = await listAgents(ctx.env)
    const sampleAgents = ctx.mock.store.agents.list().length
    expect(result.total).toBe(sampleAgents)
    expect(result.firstPage).toBe(Math.min(5, sampleAgents))
    // limit 2 over the sample agents means several page requests
    const pages = ctx.mock.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/agents'))
    expect(pages.length).toBeGreaterThan(2)
  })

  it('request-control shows metadata, typed errors, timeouts and retries', async () => {
    const result = await requestControl(ctx.env)
    expect(result.notFound).toMatch(/^not found \(request req_/)
    expect(result.timeout).toBe('timed out')
    expect(result.invalid).toMatch(/^invalid: query\.limit /)
    expect(log.some((l) => l.startsWith('bad key → authentication failed (401)'))).toBe(true)
    expect(log.some((l) => l === 'two 503s then → status 200')).toBe(true)
    // the debug header from withOptions reached the server
    expect(ctx.mock.requests.some((r) => r.headers['x-debug-trace'] === 'true')).toBe(true)
    expect(log.join('\n')).not.toContain(ctx.mock.apiKey)
  })

  it('call-analytics reads the sample calls', async () => {
    const result = await callAnalytics(ctx.env)
    expect(result.totalCalls).toBeGreaterThan(0)
    expect(result.agents).toBeGreaterThan(0)
  })

  it('search-entities finds the sample patient', async () => {
    const result = await searchEntities(ctx.env)
    expect(result.firstName).toBe('Jane Doe')
    expect(result.searchHits).toBeGreaterThan(0)
  })

  it('patient-form creates, delivers and submits a form through the public routes', async () => {
    const result = await patientForm(ctx.env)
    expect(result).toMatchObject({ status: 'completed', fields: 3 })
    // the public routes were called without an API key
    const publicCalls = ctx.mock.requests.filter((r) => r.path.startsWith('/s/'))
    expect(publicCalls.length).toBe(5)
    for (const r of publicCalls) expect(r.headers.authorization).toBeUndefined()
  })
})
