// Spec validation shared by validate-spec and openapi-sync: a real OpenAPI validator
// (@readme/openapi-parser) plus our own coverage rules.
import { listOperations } from './json.mjs'

/** Validate `spec` with @readme/openapi-parser; returns a list of error strings (empty = valid). */
export async function validateOpenApi(spec) {
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return ['document is not a JSON object']
  if (typeof spec.openapi !== 'string' || !/^3\.\d+\.\d+$/.test(spec.openapi)) {
    return [`not an OpenAPI 3.x document (openapi: ${JSON.stringify(spec.openapi ?? null)})`]
  }
  let result
  try {
    // loaded on demand: callers that fail earlier (bad JSON, wrong version) skip its start-up cost
    const { validate } = await import('@readme/openapi-parser')
    // the parser dereferences in place; give it a copy
    result = await validate(structuredClone(spec))
  } catch (err) {
    return [String(err?.message ?? err).split('\n')[0]]
  }
  if (result.valid) return []
  const errors = result.errors.map((e) => String(e.message).split('\n')[0])
  if (result.additionalErrors) errors.push(`… and ${result.additionalErrors} more`)
  return errors
}

const key = (method, path) => `${method.toUpperCase()} ${path}`

/** Operations of `expected` ([{method,path,operationId}]) missing from `spec` or carrying another id. */
export function missingOperations(spec, expected) {
  const have = new Map(listOperations(spec).map((o) => [key(o.method, o.path), o.operationId]))
  const problems = []
  for (const { method, path, operationId } of expected) {
    const got = have.get(key(method, path))
    if (got === undefined) problems.push(`missing ${key(method, path)} (${operationId})`)
    else if (got !== operationId)
      problems.push(`${key(method, path)} has operationId ${got}, expected ${operationId}`)
  }
  return problems
}

/** Schemas of `facts` missing from `spec`. */
export function missingSchemas(spec, names) {
  const have = spec.components?.schemas ?? {}
  return names.filter((n) => !have[n]).map((n) => `missing schema ${n}`)
}
