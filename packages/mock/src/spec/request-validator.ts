import type { ValidateFunction } from 'ajv'
import type { AjvInstance } from './ajv'
import { anchorRefs } from './ajv'
import { branches, coerceText, deref } from './coerce'
import type { Operation } from './operations'
import { toValidationIssues, type ValidationIssue } from './pydantic-errors'
import type { JsonSchema, OpenApiDocument } from './types'

/** The raw request parts the validator needs. */
export interface RawRequest {
  params: Record<string, string>
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  contentType: string
  bodyText: string | undefined
}

/** Coerced, validated request values handed to handlers. */
export interface ParsedRequest {
  path: Record<string, any>
  query: Record<string, any>
  body: any
}

type Location = 'path' | 'query' | 'header'

interface Compiled {
  locations: Record<Location, ValidateFunction | undefined>
  body?: { mediaType: string; required: boolean; validate?: ValidateFunction; schema?: JsonSchema }
}

const FORM = 'application/x-www-form-urlencoded'

/** Validates requests against their operation; compiles each operation once, on first use. */
export class RequestValidator {
  private readonly cache = new Map<string, Compiled>()

  constructor(
    private readonly doc: OpenApiDocument,
    private readonly ajv: AjvInstance,
  ) {}

  private compile(op: Operation): Compiled {
    const cached = this.cache.get(op.key)
    if (cached) return cached
    const locations = {} as Compiled['locations']
    for (const loc of ['path', 'query', 'header'] as const) {
      const params = (op.op.parameters ?? []).filter((p) => p.in === loc)
      if (!params.length) continue
      const schema = {
        type: 'object',
        properties: Object.fromEntries(
          params.map((p) => [loc === 'header' ? p.name.toLowerCase() : p.name, p.schema ?? {}]),
        ),
        required: params
          .filter((p) => p.required)
          .map((p) => (loc === 'header' ? p.name.toLowerCase() : p.name)),
      }
      locations[loc] = this.ajv.compile(anchorRefs(schema))
    }
    const compiled: Compiled = { locations }
    const content = op.op.requestBody?.content
    if (content) {
      const mediaType = content['application/json']
        ? 'application/json'
        : content[FORM]
          ? FORM
          : Object.keys(content)[0]!
      const schema = content[mediaType]?.schema
      compiled.body = {
        mediaType,
        required: !!op.op.requestBody?.required,
        schema,
        validate:
          schema && (mediaType === 'application/json' || mediaType === FORM)
            ? this.ajv.compile(anchorRefs(schema))
            : undefined,
      }
    }
    this.cache.set(op.key, compiled)
    return compiled
  }

  /** Returns the coerced request, or FastAPI-style issues naming each bad field. */
  validate(
    op: Operation,
    raw: RawRequest,
    opts: { skipBodySchema?: boolean } = {},
  ): { ok: true; value: ParsedRequest } | { ok: false; issues: ValidationIssue[] } {
    const c = this.compile(op)
    const issues: ValidationIssue[] = []
    const value: ParsedRequest = { path: {}, query: {}, body: undefined }
    for (const loc of ['path', 'query', 'header'] as const) {
      const params = (op.op.parameters ?? []).filter((p) => p.in === loc)
      const out: Record<string, unknown> = {}
      for (const p of params) {
        const name = loc === 'header' ? p.name.toLowerCase() : p.name
        let texts: string[] = []
        if (loc === 'path') texts = raw.params[p.name] !== undefined ? [raw.params[p.name]!] : []
        else if (loc === 'query') texts = raw.query.getAll(p.name)
        else {
          const h = raw.headers[name]
          texts = h === undefined ? [] : Array.isArray(h) ? h : [h]
        }
        if (texts.length) out[name] = coerceText(this.doc, p.schema, texts)
        else {
          const d = deref(this.doc, p.schema).default ?? branches(this.doc, p.schema)[0]?.default
          if (d !== undefined && d !== null && loc !== 'header') out[name] = d
        }
      }
      const v = c.locations[loc]
      if (v && !v(out)) issues.push(...toValidationIssues(v.errors, [loc], true))
      if (loc === 'path') value.path = out
      else if (loc === 'query') {
        // Keep query keys the spec does not name too (FastAPI ignores them; handlers may peek).
        for (const k of new Set(raw.query.keys())) if (!(k in out)) out[k] = raw.query.get(k)
        value.query = out
      }
    }
    if (c.body) {
      const text = raw.bodyText
      const empty = text === undefined || text.length === 0
      if (empty) {
        if (c.body.required) issues.push({ loc: ['body'], msg: 'Field required', type: 'missing' })
      } else if (c.body.mediaType === 'application/json') {
        let parsed: unknown
        try {
          parsed = JSON.parse(text!)
        } catch (e) {
          issues.push({
            loc: ['body', 0],
            msg: `JSON decode error: ${(e as Error).message}`,
            type: 'json_invalid',
          })
        }
        if (parsed !== undefined) {
          if (!opts.skipBodySchema && c.body.validate && !c.body.validate(parsed))
            issues.push(...toValidationIssues(c.body.validate.errors, ['body']))
          value.body = parsed
        }
      } else if (c.body.mediaType === FORM) {
        const props: Record<string, JsonSchema> = Object.assign(
          {},
          ...branches(this.doc, c.body.schema).map((b) => b.properties ?? {}),
        )
        let obj: Record<string, unknown> = {}
        if (/json/.test(raw.contentType)) {
          // Lenient: a JSON body on a form route is read as the same fields.
          try {
            obj = JSON.parse(text!)
          } catch {
            issues.push({ loc: ['body', 0], msg: 'JSON decode error', type: 'json_invalid' })
          }
        } else {
          const form = new URLSearchParams(text)
          for (const k of new Set(form.keys())) obj[k] = coerceText(this.doc, props[k], form.getAll(k))
        }
        if (!opts.skipBodySchema && c.body.validate && !c.body.validate(obj))
          issues.push(...toValidationIssues(c.body.validate.errors, ['body'], true))
        value.body = obj
      } else {
        value.body = text
      }
    } else if (raw.bodyText && /json/.test(raw.contentType)) {
      try {
        value.body = JSON.parse(raw.bodyText)
      } catch {
        value.body = raw.bodyText
      }
    } else if (raw.bodyText && raw.contentType.startsWith(FORM)) {
      value.body = Object.fromEntries(new URLSearchParams(raw.bodyText))
    }
    return issues.length ? { ok: false, issues } : { ok: true, value }
  }
}
