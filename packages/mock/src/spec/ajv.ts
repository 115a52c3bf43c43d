import { createRequire } from 'node:module'
import type Ajv2020Import from 'ajv/dist/2020.js'
import type addFormatsImport from 'ajv-formats'
import type { JsonSchema, OpenApiDocument } from './types'

// Ajv is loaded on first use, not at import: its modules were about a third of the package's cold
// import time (bench: cold import), and a program importing the mock may never start one.
// Both are CommonJS, so a require works from the ESM and the CJS build alike.
const requireLazily = createRequire(import.meta.url)
// Depending on the loader the class sits on `.default` or is the module.
const unwrap = <T>(mod: unknown): T => ((mod as { default?: T }).default ?? mod) as T
let ajvModules: { Ajv2020: typeof Ajv2020Import; addFormats: typeof addFormatsImport } | undefined
const loadAjv = () =>
  (ajvModules ??= {
    Ajv2020: unwrap(requireLazily('ajv/dist/2020.js')),
    addFormats: unwrap(requireLazily('ajv-formats')),
  })

/** Prefix of the id each component schema is registered under (`amigo:schemas/AgentResponse`). */
const SCHEMA_ID_PREFIX = 'amigo:schemas/'

const LOCAL_REF = '"$ref":"#/components/schemas/'

/** Rewrites `#/components/schemas/X` refs to the registered ids so Ajv resolves them. */
export function anchorRefs(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema).replaceAll(LOCAL_REF, `"$ref":"${SCHEMA_ID_PREFIX}`))
}

/** Undoes `anchorRefs` (for schemas handed back to openapi-sampler, which resolves `#/...` itself). */
export function unanchorRefs(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema).replaceAll(`"$ref":"${SCHEMA_ID_PREFIX}`, LOCAL_REF))
}

/**
 * A JSON Schema 2020-12 validator that knows every component schema of the document. Each
 * component is its own registered schema, so a schema referenced from many places compiles once.
 */
export function createAjv(doc: OpenApiDocument, opts: { useDefaults: boolean; verbose?: boolean }) {
  const { Ajv2020, addFormats } = loadAjv()
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    inlineRefs: false,
    validateSchema: false,
    // Compile speed matters more than validation speed here: hundreds of schemas, few calls each.
    code: { optimize: false },
    useDefaults: opts.useDefaults,
    validateFormats: true,
    verbose: opts.verbose ?? false,
  })
  addFormats(ajv)
  ajv.addFormat('binary', true)
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    ajv.addSchema(anchorRefs(schema), `${SCHEMA_ID_PREFIX}${name}`)
  }
  return ajv
}

/** The Ajv instance type used across the mock. */
export type AjvInstance = ReturnType<typeof createAjv>
