import type { JsonSchema, OpenApiDocument } from './types'

/** Follows a local `$ref` chain to the schema it names. */
export function deref(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  let s = schema ?? {}
  for (let i = 0; i < 10 && typeof s.$ref === 'string'; i++) {
    const parts = (s.$ref as string).replace(/^#\//, '').split('/')
    let cur: any = doc
    for (const p of parts) cur = cur?.[p]
    s = cur ?? {}
  }
  return s
}

/** The alternatives a value may take (`anyOf`/`oneOf` flattened), each dereferenced. */
export function branches(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema[] {
  const s = deref(doc, schema)
  const alts = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined
  if (!alts) return [s]
  return alts.flatMap((a) => branches(doc, a))
}

/** True when the parameter takes repeated keys (`?tag=a&tag=b`). */
function isArraySchema(doc: OpenApiDocument, schema: JsonSchema | undefined): boolean {
  return branches(doc, schema).some((b) => b.type === 'array')
}

/** A uuid as the `uuid` format accepts it: any case, optionally as a `urn:uuid:` URN. */
const UUID = /^(?:urn:uuid:)?([0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12})$/i

function coerceScalar(doc: OpenApiDocument, schema: JsonSchema | undefined, raw: string): unknown {
  for (const b of branches(doc, schema)) {
    // The API parses a uuid whatever its case and hands it on in its canonical form (lower case), so
    // an id sent in upper case names the same resource.
    const uuid = b.format === 'uuid' ? UUID.exec(raw) : null
    if (uuid) return uuid[1]!.toLowerCase()
    const t = b.type ?? (b.enum ? typeof b.enum[0] : b.const !== undefined ? typeof b.const : undefined)
    if (t === 'integer' && /^[-+]?\d+$/.test(raw.trim())) return Number(raw)
    if (t === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw)
    if (t === 'boolean') {
      const v = raw.toLowerCase()
      if (['true', '1', 'yes', 'on', 't', 'y'].includes(v)) return true
      if (['false', '0', 'no', 'off', 'f', 'n'].includes(v)) return false
    }
    if (t === 'string' || t === undefined) return raw
  }
  return raw
}

/** Converts the text form of a query/path/form value to what the schema expects (FastAPI-like). */
export function coerceText(doc: OpenApiDocument, schema: JsonSchema | undefined, values: string[]): unknown {
  if (isArraySchema(doc, schema)) {
    const arr = branches(doc, schema).find((b) => b.type === 'array')!
    return values.map((v) => coerceScalar(doc, arr.items, v))
  }
  return coerceScalar(doc, schema, values[values.length - 1] ?? '')
}
