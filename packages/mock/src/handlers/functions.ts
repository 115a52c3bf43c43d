import { inWorkspace } from '../http/in-workspace'
import { HttpError, type MockCore, type Registry } from '../http/types'
import type { FunctionRow } from '../state/rows'
import { functionKey } from '../state/store'

const BASE = '/v1/{workspace_id}/functions'

/** Workspace functions: list, get, create, delete, test. A name is unique within its workspace. */
export function registerFunctions(reg: Registry, core: MockCore): void {
  const { store } = core
  const find = (ws: string, name: string) =>
    inWorkspace(store.functions, functionKey(ws, name), ws, 'Function')
  reg.on('GET', BASE, (ctx) => {
    const items = store.functions.list((f) => f.workspace_id === ctx.path.workspace_id)
    return { body: { items, count: items.length } }
  })
  reg.on('POST', BASE, (ctx) => {
    if (store.functions.get(functionKey(ctx.path.workspace_id, ctx.body.name)))
      throw new HttpError(409, { detail: 'Function already exists' })
    const row = store.make<FunctionRow>('FunctionDef', {
      catalog: 'workspace',
      schema: 'custom',
      enabled: true,
      ...ctx.body,
      workspace_id: ctx.path.workspace_id,
    })
    store.functions.put(row)
    return { body: row }
  })
  reg.on('GET', `${BASE}/{function_name}`, (ctx) => ({
    body: find(ctx.path.workspace_id, ctx.path.function_name),
  }))
  reg.on('DELETE', `${BASE}/{function_name}`, (ctx) => {
    const fn = find(ctx.path.workspace_id, ctx.path.function_name)
    store.functions.delete(functionKey(fn.workspace_id, fn.name))
    return { body: { status: 'deleted', name: String(ctx.path.function_name) } }
  })
  reg.on('POST', `${BASE}/{function_name}/test`, (ctx) => {
    const fn = find(ctx.path.workspace_id, ctx.path.function_name)
    const input = ctx.body?.input ?? ctx.body?.input_params ?? {}
    return {
      body: {
        function_name: fn.name,
        duration_ms: 8,
        error: null,
        result: { rows: [{ input, matched: 1 }], row_count: 1 },
      },
    }
  })
}
