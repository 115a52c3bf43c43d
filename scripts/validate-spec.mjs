#!/usr/bin/env node
// Validates the committed openapi.json: a real OpenAPI validator, then our coverage rules — every
// operation and schema of the upstream snapshot (spec/upstream/openapi-facts.json), every README-only
// endpoint and schema, the README's operationId alias, and `security: []` on public routes.
// Usage: node scripts/validate-spec.mjs [--facts path] [--spec path]
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { listOperations } from './spec/json.mjs'
import { ADDED_OPERATIONS, ADDED_SCHEMAS, isPublicPath, OPERATION_ID_ALIASES } from './spec/overlay.mjs'
import { SPEC, UPSTREAM_SNAPSHOT } from './spec/paths.mjs'
import { missingOperations, missingSchemas, validateOpenApi } from './spec/validate.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? resolve(process.argv[i + 1]) : fallback
}
const specPath = arg('--spec', resolve(root, SPEC))
const factsPath = arg('--facts', resolve(root, UPSTREAM_SNAPSHOT))

const fail = (lines) => {
  console.error(`validate-spec: ${specPath} is not acceptable:`)
  for (const line of lines.slice(0, 50)) console.error(`  - ${line}`)
  if (lines.length > 50) console.error(`  … and ${lines.length - 50} more`)
  process.exit(1)
}

let spec
try {
  spec = JSON.parse(readFileSync(specPath, 'utf8'))
} catch (err) {
  fail([`cannot read or parse it: ${err.message}`])
}
let facts
try {
  facts = JSON.parse(readFileSync(factsPath, 'utf8'))
} catch (err) {
  fail([`cannot read or parse the upstream snapshot ${factsPath}: ${err.message}`])
}

const problems = await validateOpenApi(spec)
if (problems.length) fail(problems.map((p) => `OpenAPI validation: ${p}`))

const rules = [
  ...missingOperations(spec, listOperations(facts)),
  ...missingSchemas(spec, Object.keys(facts.components?.schemas ?? {})),
]
rules.push(
  ...missingOperations(
    spec,
    ADDED_OPERATIONS.map(([method, path, operationId]) => ({ method, path, operationId })),
  ),
)
rules.push(...missingSchemas(spec, ADDED_SCHEMAS))
const ops = listOperations(spec)
for (const [operationId, aliases] of Object.entries(OPERATION_ID_ALIASES)) {
  const op = ops.find((o) => o.operationId === operationId)?.op
  for (const alias of aliases) {
    if (!op?.['x-amigo-operation-id-aliases']?.includes(alias))
      rules.push(`alias ${alias} missing on ${operationId}`)
  }
}
for (const { method, path, op } of ops) {
  if (isPublicPath(path) && !(Array.isArray(op.security) && op.security.length === 0)) {
    rules.push(`public route ${method.toUpperCase()} ${path} must have security: []`)
  }
  if (!op.summary) rules.push(`${method.toUpperCase()} ${path} has no summary`)
}
if (rules.length) fail(rules)
console.log(
  `validate-spec: ok (${ops.length} operations, ${Object.keys(spec.components.schemas).length} schemas)`,
)
