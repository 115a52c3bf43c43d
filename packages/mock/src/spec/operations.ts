import type { JsonSchema, OpenApiDocument, OpenApiOperation, OpenApiParameter } from './types'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

/** Paths that need no Bearer token even when the spec's global security says otherwise. */
const PUBLIC_PREFIXES = ['/s/{token}', '/upload/{link_token}', '/token', '/device']

/** One operation of the spec, ready for routing and validation. */
export interface Operation {
  /** Lower-case HTTP method. */
  method: string
  /** The spec's path template, e.g. `/v1/{workspace_id}/agents/{agent_id}`. */
  path: string
  /** `METHOD path` — the key handlers are registered under. */
  key: string
  operationId: string
  op: OpenApiOperation
  regex: RegExp
  paramNames: string[]
  /** True when the route answers without a Bearer token. */
  isPublic: boolean
  /** Number of literal characters: more specific templates win when two match. */
  specificity: number
}

/** `GET /v1/{workspace_id}/agents` — the key used to register handlers. */
export function opKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`
}

function templateRegex(path: string): { regex: RegExp; names: string[] } {
  const names: string[] = []
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part)
      if (m) {
        names.push(m[1]!)
        return '([^/]+)'
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('')
  return { regex: new RegExp(`^${source}/?$`), names }
}

function isPublicOperation(doc: OpenApiDocument, path: string, op: OpenApiOperation): boolean {
  const security = op.security ?? doc.security
  if (Array.isArray(security) && (security.length === 0 || security.some((s) => Object.keys(s).length === 0)))
    return true
  return PUBLIC_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))
}

/** Indexes every operation of the document. */
export function indexOperations(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths)) {
    const shared = (item as { parameters?: OpenApiParameter[] }).parameters ?? []
    for (const method of METHODS) {
      const op = item[method] as OpenApiOperation | undefined
      if (!op) continue
      const merged: OpenApiParameter[] = [
        ...shared.filter((s) => !op.parameters?.some((p) => p.name === s.name && p.in === s.in)),
        ...(op.parameters ?? []),
      ]
      const { regex, names } = templateRegex(path)
      ops.push({
        method,
        path,
        key: opKey(method, path),
        operationId: op.operationId ?? `${method}_${path}`,
        op: { ...op, parameters: merged },
        regex,
        paramNames: names,
        isPublic: isPublicOperation(doc, path, op),
        specificity: path.replace(/\{[^}]+\}/g, '').length,
      })
    }
  }
  return ops
}

/** The first 2xx response of an operation: status, media type and schema (if any). */
export function successResponse(op: OpenApiOperation): {
  status: number
  mediaType?: string
  schema?: JsonSchema
} {
  const codes = Object.keys(op.responses ?? {})
    .filter((c) => /^2\d\d$/.test(c))
    .sort()
  const code = codes[0] ?? '200'
  const content = op.responses?.[code]?.content ?? {}
  const mediaType = content['application/json'] ? 'application/json' : Object.keys(content)[0]
  return { status: Number(code), mediaType, schema: mediaType ? content[mediaType]?.schema : undefined }
}
