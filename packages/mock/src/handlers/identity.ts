import { bearerOf } from '../http/authenticate'
import { HttpError, type MockCore, type Registry } from '../http/types'

/** `/token`, `/device/code`, `/self/profile` and `/self`. */
export function registerIdentity(reg: Registry, core: MockCore): void {
  const { auth, store } = core
  reg.on('POST', '/token', (ctx) => {
    const r = auth.token(typeof ctx.body === 'object' && ctx.body ? ctx.body : {}, bearerOf(ctx.req))
    return { status: r.status, body: r.body, headers: { 'cache-control': 'no-store', ...(r.headers ?? {}) } }
  })
  reg.on('POST', '/device/code', (ctx) => {
    const r = auth.deviceCode(core.url(), typeof ctx.body === 'object' && ctx.body ? ctx.body : {})
    return { status: r.status, body: r.body }
  })
  const profile: Parameters<Registry['on']>[2] = (ctx) => {
    const p = ctx.principal
    if (!p) throw new HttpError(401, { detail: 'Not authenticated' })
    const ids = p.workspaces === '*' ? store.workspaces.list().map((w) => w.id) : p.workspaces
    return {
      body: {
        entity_id: p.subject,
        name: p.kind === 'user' ? 'Mock User' : null,
        email: p.kind === 'user' ? 'user@example.com' : null,
        workspaces: ids.map((id) => ({
          workspace_id: id,
          name: store.workspaces.get(id)?.name ?? id,
          role: 'owner',
        })),
      },
    }
  }
  reg.on('GET', '/self/profile', profile)
  reg.on('GET', '/self', profile)
}
