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

/** One failure of a schema check: the fields of Ajv's `ErrorObject` the mock reads. */
export interface SchemaError {
  keyword: string
  /** JSON Pointer to the failing value (`/items/0/name`). */
  instancePath: string
  params: Record<string, any>
  message?: string
  /** The schema holding the failed keyword (reported with `verbose: true`). */
  parentSchema?: JsonSchema
  /** The value the keyword failed on (reported with `verbose: true`): pydantic's `input`. */
  data?: unknown
}

/** A compiled schema: true when `data` is valid; after a failure `errors` says why. */
export interface SchemaCheck {
  (data: unknown): boolean
  errors?: SchemaError[] | null
}

/**
 * What the mock uses of an Ajv instance. The mock's own type rather than Ajv's because the public
 * declarations reach the validators (`Store.spec`), and Ajv's class is the default export of a
 * CommonJS module, which a consumer compiling with `moduleResolution: nodenext` cannot name as a type.
 */
export interface SchemaCompiler {
  compile(schema: JsonSchema): SchemaCheck
}

/**
 * A JSON Schema 2020-12 validator that knows every component schema of the document. Each
 * component is its own registered schema, so a schema referenced from many places compiles once.
 */
export function createAjv(doc: OpenApiDocument, opts: { useDefaults: boolean }): SchemaCompiler {
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
    // Errors carry the failing value (a 422's `input`) and the schema (the sampler's repairs).
    verbose: true,
  })
  addFormats(ajv)
  ajv.addFormat('binary', true)
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    ajv.addSchema(anchorRefs(schema), `${SCHEMA_ID_PREFIX}${name}`)
  }
  return ajv
}
