// Canonical JSON for spec files: keys sorted at every depth, array order kept, 2-space indent,
// trailing newline. Same input → same bytes on every machine.

/** Return a deep copy of `value` with object keys sorted. */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    const out = {}
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key])
    return out
  }
  return value
}

/** Serialise a spec canonically. */
export function canonicalJson(value) {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`
}

/** HTTP methods that can hold an operation in an OpenAPI path item. */
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** Every operation of a spec as { method, path, operationId, op }. */
export function listOperations(spec) {
  const out = []
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method]
      if (op) out.push({ method, path, operationId: op.operationId, op })
    }
  }
  return out
}
