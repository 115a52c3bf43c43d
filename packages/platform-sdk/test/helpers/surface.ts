// The official SDK surface as a table (test/fixtures/surface-methods.json: resource, method,
// arguments, HTTP method, spec path), and how to reach and call a row's method on a client. Shared by
// the parity and hostile-input tests, so both walk the same list.
import surface from '../fixtures/surface-methods.json'

/** One method of the surface. */
export interface SurfaceRow {
  resource: string
  member: string
  readme: boolean
  args: Array<{ name: string; optional: boolean; default?: string }>
  http: string
  path: string
  operationId: string
  requiredQuery: string[]
  body?: string
  noContent: boolean
  page?: { itemsKey: string; kind: 'token' | 'offset' | 'plain-offset' }
  autoPagingOf?: string
}

/** Every row of the table. */
export const surfaceRows = surface as SurfaceRow[]

/** Resolves `client.a.b.c` to the bound method (undefined when missing). */
export function methodOf(client: object, row: SurfaceRow): ((...args: unknown[]) => unknown) | undefined {
  let target: unknown = (client as Record<string, unknown>)[row.resource]
  const parts = row.member.split('.')
  for (const part of parts.slice(0, -1)) target = (target as Record<string, unknown> | undefined)?.[part]
  const fn = (target as Record<string, unknown> | undefined)?.[parts.at(-1) as string]
  return typeof fn === 'function' ? fn.bind(target) : undefined
}

/** What a positional argument of a row carries. */
export type ArgRole =
  | { kind: 'path'; placeholder: string }
  | { kind: 'body' | 'params' | 'options' | 'query-default' | 'other' }

/**
 * The role of each positional argument: ids fill the path's placeholders in order (the workspace
 * routes' optional `id` fills `{workspace_id}`), `body`/`request` is the body, `params` the query.
 */
export function argumentRoles(row: SurfaceRow): ArgRole[] {
  const placeholders = [...row.path.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1] as string)
    .filter((p) => p !== 'workspace_id')
  let next = 0
  return row.args.map((arg): ArgRole => {
    if (arg.name === 'options') return { kind: 'options' }
    if (arg.name === 'body' || arg.name === 'request') return { kind: 'body' }
    if (arg.name === 'params') return { kind: 'params' }
    if (arg.name === 'id' && row.resource === 'workspaces')
      return { kind: 'path', placeholder: 'workspace_id' }
    if (arg.name === 'id' || arg.name === 'target') return { kind: 'other' }
    if (arg.default !== undefined) return { kind: 'query-default' }
    return { kind: 'path', placeholder: placeholders[next++] as string }
  })
}
