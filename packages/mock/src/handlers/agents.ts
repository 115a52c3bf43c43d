import { paginate } from '../http/paging'
import { type MockCore, notFound, type Registry } from '../http/types'
import type { AgentVersionRow } from '../state/rows'
import { crud } from './crud'

const VERSIONS = '/v1/{workspace_id}/agents/{agent_id}/versions'

/** Agents and their versions (`getVersion(agentId, 'latest')` resolves the newest). */
export function registerAgents(reg: Registry, core: MockCore): void {
  const { store } = core
  const findAgent = crud(reg, core, {
    base: '/v1/{workspace_id}/agents',
    idParam: 'agent_id',
    table: store.agents,
    schema: 'AgentResponse',
    label: 'Agent',
    filter: (r, q) =>
      !q.search ||
      String(r.name).toLowerCase().includes(String(q.search).toLowerCase()) ||
      String(r.description).toLowerCase().includes(String(q.search).toLowerCase()),
    create: () => ({ latest_version: 0 }),
    after: (action, row) => {
      if (action === 'created') store.agentVersions.set(row.id, [])
      if (action === 'deleted') store.agentVersions.delete(row.id)
    },
  })
  reg.on('GET', VERSIONS, (ctx) => {
    findAgent(ctx)
    const versions = [...(store.agentVersions.get(ctx.path.agent_id) ?? [])].reverse()
    return { body: paginate(ctx, versions) }
  })
  reg.on('POST', VERSIONS, (ctx) => {
    const agent = findAgent(ctx)
    const versions = store.agentVersions.get(agent.id) ?? []
    const now = store.now()
    const name = String(ctx.body.name ?? `v${versions.length + 1}`)
    const row = store.make<AgentVersionRow>('AgentVersionResponse', {
      background: '',
      behaviors: [],
      communication_patterns: [],
      initials: name.slice(0, 2).toUpperCase(),
      voice_config: null,
      ...ctx.body,
      id: store.id(),
      agent_id: agent.id,
      workspace_id: agent.workspace_id,
      version: versions.length + 1,
      created_at: now,
      updated_at: now,
    })
    versions.push(row)
    store.agentVersions.set(agent.id, versions)
    agent.latest_version = row.version
    agent.updated_at = now
    return { body: row }
  })
  reg.on('GET', `${VERSIONS}/{version}`, (ctx) => {
    findAgent(ctx)
    const versions = store.agentVersions.get(ctx.path.agent_id) ?? []
    const v = ctx.path.version
    const row = v === 'latest' ? versions.at(-1) : versions.find((x) => x.version === Number(v))
    if (!row) throw notFound('Agent version')
    return { body: row }
  })
}
