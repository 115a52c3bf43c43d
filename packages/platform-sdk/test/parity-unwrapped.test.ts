// The 123 spec operations the official SDK wraps in no method (test/fixtures/unwrapped-operations.json)
// are listed in api.md as reachable through the typed low-level helpers, and stay callable that way.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import unwrapped from './fixtures/unwrapped-operations.json'
import { expectSent } from './helpers/expect-sent'
import { useMockPlatform } from './helpers/mock-client'

const apiMd = readFileSync(new URL('../api.md', import.meta.url), 'utf8')
const section = apiMd.slice(
  apiMd.indexOf('## Spec operations without a resource method'),
  apiMd.indexOf('## Exported names'),
)
const resources = apiMd.slice(apiMd.indexOf('## Resources'), apiMd.indexOf('## Spec operations without'))

const env = useMockPlatform()

describe('operations without a resource method', () => {
  it('api.md lists all 123 of them, and no resource method claims one', () => {
    expect(unwrapped.length).toBe(123)
    const missing = unwrapped.filter(
      (op) => !section.includes(`| ${op.method} | \`${op.path}\` | \`${op.operationId}\` |`),
    )
    expect(missing).toEqual([])
    for (const op of unwrapped)
      expect(resources).not.toMatch(
        new RegExp(`\\| ${op.method} [^|]*\\| \`${op.path.replace(/[{}.]/g, '\\$&')}\``),
      )
  })

  it('they are reachable and typed through client.GET / client.POST', async () => {
    const { client } = env
    const cases = await client.GET('/v1/{workspace_id}/use-cases')
    expectSent(env, 'GET', '/use-cases')
    expect(cases.response.status).toBe(200)
    const dashboards = await client.GET('/v1/{workspace_id}/dashboards', {})
    expectSent(env, 'GET', '/dashboards')
    expect(dashboards.data).toBeDefined()
    const body = env.mock.store.make('DemoPulseStartRequest', {}) as never
    const started = await client.POST('/v1/{workspace_id}/demo-pulse/start', { body })
    expectSent(env, 'POST', '/demo-pulse/start')
    expect(started.response.ok).toBe(true)
  })
})
