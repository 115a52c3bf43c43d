import { paginate } from '../http/paging'
import { type MockCore, notFound, type Registry } from '../http/types'
import type { ApiKeyRow } from '../state/rows'
import { DAY } from '../state/time'

/** Workspaces visible to the caller, API keys and `/v1/auth/me`. */
export function registerWorkspaces(reg: Registry, core: MockCore): void {
  const { store } = core
  reg.on('GET', '/v1/workspaces', (ctx) => {
    const p = ctx.principal
    const rows = store.workspaces.list((w) => !p || p.workspaces === '*' || p.workspaces.includes(w.id))
    return { body: paginate(ctx, rows) }
  })
  reg.on('GET', '/v1/workspaces/{workspace_id}', (ctx) => {
    const w = store.workspaces.get(ctx.path.workspace_id)
    if (!w) throw notFound('Workspace')
    return { body: w }
  })
  reg.on('GET', '/v1/{workspace_id}/api-keys', (ctx) => ({
    body: paginate(
      ctx,
      store.apiKeys.list((k) => k.workspace_id === ctx.path.workspace_id),
    ),
  }))
  reg.on('POST', '/v1/{workspace_id}/api-keys', (ctx) => {
    const key = `amg_test_${store.random.hex(40)}`
    const now = Date.now()
    const row = store.make<ApiKeyRow>('ApiKeyResponse', {
      id: store.id(),
      key_id: key.slice(0, 17),
      name: ctx.body.name ?? null,
      role: ctx.body.role ?? 'member',
      permissions: ctx.body.permissions ?? ['*'],
      workspace_id: ctx.path.workspace_id,
      created_at: new Date(now).toISOString(),
      updated_at: new Date(now).toISOString(),
      expires_at: new Date(now + ctx.body.duration_days * DAY).toISOString(),
      last_used_at: null,
      created_by_credential_id: null,
      created_by_entity_id: null,
    })
    store.apiKeys.put(row)
    core.auth.addApiKey(key, ctx.path.workspace_id, row.permissions)
    return { status: 201, body: { ...row, api_key: key } }
  })
  reg.on('GET', '/v1/auth/me', (ctx) => {
    const k = store.apiKeys.list((x) => x.workspace_id === store.workspaceId)[0]!
    const ws = ctx.principal?.workspaces
    return {
      body: {
        key_id: k.key_id,
        name: k.name,
        workspace_id: ws && ws !== '*' ? ws[0] : store.workspaceId,
        expires_at: k.expires_at,
        expires_in_seconds: Math.max(0, Math.floor((Date.parse(k.expires_at) - Date.now()) / 1000)),
      },
    }
  })
}
