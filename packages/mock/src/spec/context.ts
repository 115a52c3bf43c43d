import { createAjv } from './ajv'
import { loadSpec } from './load-spec'
import { indexOperations, type Operation, opKey, successResponse } from './operations'
import { toValidationIssues, type ValidationIssue } from './pydantic-errors'
import { RequestValidator } from './request-validator'
import { Router } from './router'
import { Sampler } from './sampler'
import type { JsonSchema, OpenApiDocument } from './types'

/** Everything derived from the OpenAPI document: routing, validation, sampling. Shared between mocks. */
export class SpecContext {
  readonly operations: Operation[]
  readonly router: Router
  readonly requests: RequestValidator
  readonly sampler: Sampler
  private readonly byKey = new Map<string, Operation>()
  private readonly responseAjv

  constructor(readonly doc: OpenApiDocument) {
    this.operations = indexOperations(doc)
    for (const op of this.operations) this.byKey.set(op.key, op)
    this.router = new Router(this.operations)
    this.requests = new RequestValidator(doc, createAjv(doc, { useDefaults: true }))
    // One instance for sampling repairs and response checks, so each schema compiles once.
    this.responseAjv = createAjv(doc, { useDefaults: false })
    this.sampler = new Sampler(doc, this.responseAjv)
  }

  /** The operation registered for `METHOD path`, if the spec has it. */
  operation(method: string, path: string): Operation | undefined {
    return this.byKey.get(opKey(method, path))
  }

  /** A component schema by name (`AgentResponse`), as a `$ref` the sampler and Ajv resolve. */
  schemaRef(name: string): JsonSchema {
    if (!this.doc.components?.schemas?.[name]) throw new Error(`platform-mock: spec has no schema ${name}`)
    return { $ref: `#/components/schemas/${name}` }
  }

  /** True when the spec defines the named component schema. */
  hasSchema(name: string): boolean {
    return !!this.doc.components?.schemas?.[name]
  }

  /** A sampled value for the operation's success response. */
  sampleResponse(op: Operation): unknown {
    return this.sampler.sample(successResponse(op.op).schema)
  }

  /** Validates a value against a schema; returns issues (empty when valid). */
  check(schema: JsonSchema, value: unknown): ValidationIssue[] {
    const v = this.sampler.validator(JSON.stringify(schema), schema)
    return v(value) ? [] : toValidationIssues(v.errors, ['response'])
  }

  /** Validates a response body against the operation's schema for `status`. */
  checkResponse(op: Operation, status: number, body: unknown): ValidationIssue[] {
    const res = op.op.responses?.[String(status)]
    const schema = res?.content?.['application/json']?.schema
    if (!schema) return []
    return this.check(schema, body)
  }

  /**
   * Builds a record of a component schema: a sampled base with `overrides` laid over it. Override
   * keys that would make the record invalid are dropped (the sampled value stays), so stored
   * records always match their response schema.
   */
  materialize<T = Record<string, any>>(
    name: string,
    overrides: Record<string, unknown>,
    previous?: Record<string, unknown>,
    opts: { trusted?: boolean } = {},
  ): T {
    const ref = this.schemaRef(name)
    const base = previous
      ? structuredClone(previous)
      : ((opts.trusted ? this.sampler.sampleUnchecked(ref) : this.sampler.sample(ref)) as Record<
          string,
          unknown
        >)
    const record: Record<string, unknown> = { ...base }
    const props = (this.doc.components!.schemas![name]!.properties ?? {}) as Record<string, unknown>
    const open = this.doc.components!.schemas![name]!.additionalProperties !== false
    for (const [k, v] of Object.entries(overrides)) {
      if (v === undefined) continue
      if (k in props || open) record[k] = v
    }
    // Trusted overrides (the mock's own sample data) skip validation: compiling every schema is slow.
    for (let i = 0; i < 50 && !opts.trusted; i++) {
      const issues = this.check(ref, record)
      if (!issues.length) break
      const bad = new Set(issues.map((x) => x.loc[1]).filter((k): k is string => typeof k === 'string'))
      let fixed = false
      for (const k of bad) {
        if (k in record && (!(k in base) || JSON.stringify(record[k]) !== JSON.stringify(base[k]))) {
          if (k in base) record[k] = base[k]
          else delete record[k]
          fixed = true
        }
      }
      if (!fixed) break
    }
    return record as T
  }
}

const cache = new Map<string, SpecContext>()

/** Loads (once per source) and indexes the spec. */
export function specContext(source?: string | OpenApiDocument): SpecContext {
  if (source && typeof source === 'object') return new SpecContext(source)
  const key = source ?? `default:${process.env.AMIGO_MOCK_SPEC ?? ''}`
  let ctx = cache.get(key)
  if (!ctx) {
    ctx = new SpecContext(loadSpec(source))
    cache.set(key, ctx)
  }
  return ctx
}
