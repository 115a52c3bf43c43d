// The typed call every resource method makes (`_op`): the path template picks the operation, and
// the template alone decides how many path values `init.path` takes and what query and body fit.
// The checks below are compiled by the package's type-check (an unused @ts-expect-error fails it);
// the calls also run against the mock, so each accepted form sends what it says.
import { APIResource, type ResourceContext } from '@amigo-ai/platform-sdk'
import { describe, expect, it } from 'vitest'
import { lastRequest, useMockPlatform } from './helpers/mock-client'

const env = useMockPlatform()

class Probe extends APIResource {
  one(agentId: string) {
    return this._op('get', 'agents/{agent_id}', { path: [agentId] })
  }
  list() {
    return this._op('get', 'agents', { query: { limit: 2 } })
  }
  wrongShapes(agentId: string) {
    return [
      // @ts-expect-error one template parameter, so one path value
      () => this._op('get', 'agents/{agent_id}', { path: [] }),
      // @ts-expect-error one template parameter, not two
      () => this._op('get', 'agents/{agent_id}', { path: [agentId, agentId] }),
      // @ts-expect-error not a template of the spec
      () => this._op('get', 'agentz/{agent_id}', { path: [agentId] }),
      // @ts-expect-error `limit` is a number
      () => this._op('get', 'agents', { query: { limit: 'two' } }),
    ]
  }
}

describe('the typed call of resources', () => {
  it('fills the template with the path values it takes and sends the query it types', async () => {
    // A resource's context is not public; the client's agents resource lends its own.
    const probe = new Probe((env.client.agents as unknown as { _ctx: ResourceContext })._ctx)
    const created = await env.client.agents.create({ name: 'Typed', description: 'op types' })
    const fetched = await probe.one(created.id)
    expect(fetched.id).toBe(created.id)
    expect(lastRequest(env).path).toBe(`/v1/${env.mock.workspaceId}/agents/${created.id}`)
    await probe.list()
    expect(lastRequest(env).query).toMatchObject({ limit: '2' })
    expect(probe.wrongShapes(created.id)).toHaveLength(4)
  })
})
