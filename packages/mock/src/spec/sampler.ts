import { sample as sampleSchema } from 'openapi-sampler'
import { anchorRefs, type SchemaCheck, type SchemaCompiler, type SchemaError, unanchorRefs } from './ajv'
import { exampleForPattern } from './pattern-example'
import type { JsonSchema, OpenApiDocument } from './types'

// Values for the few string patterns the sampler cannot satisfy by itself.
const PATTERN_VALUES: Array<[RegExp, string]> = [
  [/\\\+\[1-9\]\\d\{1,14\}/, '+15551234567'],
  [/\[a-z\]\[a-z0-9_\]\*/, 'sample_key'],
  [/\[a-z0-9\]\[a-z0-9_\\\\-\]\*/, 'sample-key'],
  [/\\d\{4\}-\(0\[1-9\]\|1\[0-2\]\)/, '2026-01'],
  [/\[A-Za-z0-9\]\[A-Za-z0-9_-\]\*/, 'sample-id'],
]

const unanchor = unanchorRefs

// Values for formats the sampler renders as plain strings.
const FORMAT_VALUES: Record<string, string> = {
  duration: 'PT1H',
  date: '2026-01-01',
  'date-time': '2026-01-01T00:00:00Z',
  uuid: '00000000-0000-4000-8000-000000000000',
  email: 'user@example.com',
  uri: 'https://example.com',
  time: '12:00:00Z',
}

/**
 * Produces example values for schemas with openapi-sampler, then repairs what it gets wrong
 * (nullable unions, required fields lost in recursion, patterns) until the value validates.
 * openapi-sampler is deterministic, so the same schema always gives the same value.
 */
export class Sampler {
  private readonly validators = new Map<string, SchemaCheck>()
  private readonly samples = new Map<string, unknown>()

  constructor(
    private readonly doc: OpenApiDocument,
    /** An Ajv instance created with `verbose: true` and without `useDefaults`. */
    private readonly ajv: SchemaCompiler,
  ) {}

  /** The compiled validator of a schema (cached by its JSON text). */
  validator(key: string, schema: JsonSchema): SchemaCheck {
    let v = this.validators.get(key)
    if (!v) {
      v = this.ajv.compile(anchorRefs(schema))
      this.validators.set(key, v)
    }
    return v
  }

  private raw(schema: JsonSchema): unknown {
    return sampleSchema(
      schema as any,
      { skipReadOnly: false, skipWriteOnly: true, quiet: true } as any,
      this.doc as any,
    )
  }

  /** openapi-sampler's value without the validation/repair pass (cached). */
  sampleUnchecked(schema: JsonSchema): unknown {
    const key = `raw:${JSON.stringify(schema)}`
    if (!this.samples.has(key)) this.samples.set(key, this.raw(schema))
    return structuredClone(this.samples.get(key))
  }

  /** A value valid against `schema` (best effort: returns the closest value after a few repair rounds). */
  sample(schema: JsonSchema | undefined): unknown {
    if (!schema || Object.keys(schema).length === 0) return {}
    const key = JSON.stringify(schema)
    if (this.samples.has(key)) return structuredClone(this.samples.get(key))
    let value = this.raw(schema)
    const v = this.validator(key, schema)
    for (let round = 0; round < 12 && !v(value); round++) {
      const next = this.repair(value, v.errors ?? [])
      if (next.changed === false) break
      value = next.value
    }
    this.samples.set(key, value)
    return structuredClone(value)
  }

  private repair(root: unknown, errors: SchemaError[]): { value: unknown; changed: boolean } {
    const box = { root }
    let changed = false
    // Deepest first, so parents are fixed after their children.
    const sorted = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)
    const done = new Set<string>()
    for (const e of sorted) {
      if (done.has(e.instancePath)) continue
      const parent = e.parentSchema as JsonSchema | undefined
      if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
        const alts = (parent?.anyOf ?? parent?.oneOf ?? []) as JsonSchema[]
        if (alts.some((a) => a.type === 'null')) {
          changed = setAt(box, e.instancePath, null) || changed
          done.add(e.instancePath)
        }
      } else if (e.keyword === 'required' && parent) {
        const prop = (e.params as { missingProperty: string }).missingProperty
        const propSchema = parent.properties?.[prop]
        const fill = propSchema ? this.raw(unanchor(propSchema)) : null
        changed =
          setAt(box, `${e.instancePath}/${prop.replace(/~/g, '~0').replace(/\//g, '~1')}`, fill ?? null) ||
          changed
      } else if (e.keyword === 'pattern') {
        const pattern = (e.params as { pattern: string }).pattern
        const value = PATTERN_VALUES.find(([re]) => re.test(pattern))?.[1] ?? exampleForPattern(pattern)
        if (value !== undefined) changed = setAt(box, e.instancePath, value) || changed
        done.add(e.instancePath)
      } else if (e.keyword === 'format') {
        const value = FORMAT_VALUES[(e.params as { format: string }).format]
        if (value) changed = setAt(box, e.instancePath, value) || changed
        done.add(e.instancePath)
      } else if (e.keyword === 'minItems' && Array.isArray(getAt(box, e.instancePath)) && parent?.items) {
        const arr = getAt(box, e.instancePath) as unknown[]
        const item = this.raw(unanchor(parent.items))
        while (arr.length < (e.params as { limit: number }).limit) arr.push(structuredClone(item))
        changed = true
      }
    }
    return { value: box.root, changed }
  }
}

function segments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function getAt(box: { root: unknown }, pointer: string): unknown {
  let cur: any = box.root
  for (const s of segments(pointer)) cur = cur?.[s]
  return cur
}

function setAt(box: { root: unknown }, pointer: string, value: unknown): boolean {
  const segs = segments(pointer)
  if (segs.length === 0) {
    box.root = value
    return true
  }
  let cur: any = box.root
  for (const s of segs.slice(0, -1)) {
    if (cur == null || typeof cur !== 'object') return false
    cur = cur[s]
  }
  if (cur == null || typeof cur !== 'object') return false
  const last = segs.at(-1)!
  if (JSON.stringify(cur[last]) === JSON.stringify(value)) return false
  cur[last] = value
  return true
}
