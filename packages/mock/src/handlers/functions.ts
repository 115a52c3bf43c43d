import { HttpError, type MockCore, notFound, type Registry } from '../http/types'
import type { FunctionRow } from '../state/rows'

const BASE = '/v1/{workspace_id}/functions'

/** Workspace functions: list, get, create, delete, test. */
export function registerFunctions(reg: Registry, core: MockCore): void {
  const { store } = core
  reg.on('GET', BASE, () => {
    const items = store.functions.list()
    return { body: { items, count: items.length } }
  })
  reg.on('POST', BASE, (ctx) => {
    if (store.functions.get(ctx.body.name)) throw new HttpError(409, { detail: 'Function already exists' })
    const row = store.make<FunctionRow>('FunctionDef', {
      catalog: 'workspace',
      schema: 'custom',
      enabled: true,
      ...ctx.body,
    })
    store.functions.put(row)
    return { body: row }
  })
  reg.on('GET', `${BASE}/{function_name}`, (ctx) => {
    const fn = store.functions.get(ctx.path.function_name)
    if (!fn) throw notFound('Function')
    return { body: fn }
  })
  reg.on('DELETE', `${BASE}/{function_name}`, (ctx) => {
    if (!store.functions.delete(ctx.path.function_name)) throw notFound('Function')
    return { body: { status: 'deleted', name: String(ctx.path.function_name) } }
  })
  reg.on('POST', `${BASE}/{function_name}/test`, (ctx) => {
    const fn = store.functions.get(ctx.path.function_name)
    if (!fn) throw notFound('Function')
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
