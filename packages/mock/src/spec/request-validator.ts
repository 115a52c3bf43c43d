import { anchorRefs, type SchemaCheck, type SchemaCompiler } from './ajv'
import { bodyKind, parseBodyAs, readsAsJson } from './body-kind'
import { branches, coerceText, deref } from './coerce'
import { parseJsonText } from './json-text'
import type { Operation } from './operations'
import { toValidationIssues, type ValidationIssue } from './pydantic-errors'
import type { JsonSchema, OpenApiDocument, OpenApiParameter } from './types'

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

const LOCATIONS = ['path', 'query', 'header'] as const

/** How an operation's request body is read and checked. */
interface CompiledBody {
  mediaType: string
  required: boolean
  validate?: SchemaCheck
  schema?: JsonSchema
}

interface Compiled {
  locations: Record<Location, SchemaCheck | undefined>
  body?: CompiledBody
}

const FORM = 'application/x-www-form-urlencoded'

/** The operation's parameters in one location. */
function parametersIn(op: Operation, loc: Location): OpenApiParameter[] {
  return (op.op.parameters ?? []).filter((p) => p.in === loc)
}

/** The key a parameter's value is stored and validated under: header names are case-insensitive. */
function keyOf(loc: Location, p: OpenApiParameter): string {
  return loc === 'header' ? p.name.toLowerCase() : p.name
}

/** The texts the request gives for one parameter; empty when it gives none. */
function parameterTexts(raw: RawRequest, loc: Location, p: OpenApiParameter): string[] {
  if (loc === 'path') return raw.params[p.name] !== undefined ? [raw.params[p.name]!] : []
  if (loc === 'query') return raw.query.getAll(p.name)
  const h = raw.headers[keyOf(loc, p)]
  return h === undefined ? [] : Array.isArray(h) ? h : [h]
}

/** The declared query values plus the first text of every query key the spec does not name. */
function withUndeclaredQuery(
  declared: Record<string, unknown>,
  query: URLSearchParams,
): Record<string, unknown> {
  // FastAPI ignores such keys, but handlers may peek at them. Own keys only, and defined rather than
  // assigned: `constructor` is recorded like any name, and `__proto__` stays a key, not a prototype.
  for (const k of new Set(query.keys()))
    if (!Object.hasOwn(declared, k))
      Object.defineProperty(declared, k, {
        value: query.get(k),
        enumerable: true,
        writable: true,
        configurable: true,
      })
  return declared
}

/** Parses a JSON body and checks it against `check`; undefined when the text is not JSON. */
function readJsonBody(text: string, check: SchemaCheck | undefined, issues: ValidationIssue[]): unknown {
  const parsed = parseJsonText(text)
  if (!parsed.ok) {
    issues.push({
      loc: ['body', parsed.at],
      msg: `JSON decode error: ${parsed.reason}`,
      type: 'json_invalid',
    })
    return undefined
  }
  if (check && !check(parsed.value)) issues.push(...toValidationIssues(check.errors, ['body']))
  return parsed.value
}

/**
 * The body of a JSON route. As FastAPI does, it is parsed only when its Content-Type is JSON or
 * absent; under any other type the raw text is what the schema is checked against, so a route
 * that takes an object answers 422 for it.
 */
function readDeclaredJson(
  op: Operation,
  contentType: string,
  text: string,
  check: SchemaCheck | undefined,
  issues: ValidationIssue[],
): unknown {
  if (readsAsJson(op, contentType)) return readJsonBody(text, check, issues)
  if (check && !check(text)) issues.push(...toValidationIssues(check.errors, ['body']))
  return text
}

/** The body of an operation that declares none: parsed when its content type says JSON or form. */
function undeclaredBody(raw: RawRequest): unknown {
  const kind = bodyKind(raw.contentType)
  return raw.bodyText && kind !== 'other' ? parseBodyAs(kind, raw.bodyText) : undefined
}

/** Validates requests against their operation; compiles each operation once, on first use. */
export class RequestValidator {
  private readonly cache = new Map<string, Compiled>()

  constructor(
    private readonly doc: OpenApiDocument,
    private readonly ajv: SchemaCompiler,
  ) {}

  private compile(op: Operation): Compiled {
    const cached = this.cache.get(op.key)
    if (cached) return cached
    const locations = {} as Compiled['locations']
    for (const loc of LOCATIONS) {
      const params = parametersIn(op, loc)
      if (!params.length) continue
      const schema = {
        type: 'object',
        properties: Object.fromEntries(params.map((p) => [keyOf(loc, p), p.schema ?? {}])),
        required: params.filter((p) => p.required).map((p) => keyOf(loc, p)),
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
    for (const loc of LOCATIONS) {
      const out = this.readParameters(op, loc, raw)
      const v = c.locations[loc]
      if (v && !v(out)) issues.push(...toValidationIssues(v.errors, [loc], true))
      if (loc === 'path') value.path = out
      else if (loc === 'query') value.query = withUndeclaredQuery(out, raw.query)
    }
    value.body = c.body ? this.readBody(op, c.body, raw, !!opts.skipBodySchema, issues) : undeclaredBody(raw)
    return issues.length ? { ok: false, issues } : { ok: true, value }
  }

  /** The values of one location's parameters: coerced from the request, else their defaults. */
  private readParameters(op: Operation, loc: Location, raw: RawRequest): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const p of parametersIn(op, loc)) {
      const texts = parameterTexts(raw, loc, p)
      if (texts.length) out[keyOf(loc, p)] = coerceText(this.doc, p.schema, texts)
      else {
        const d = deref(this.doc, p.schema).default ?? branches(this.doc, p.schema)[0]?.default
        if (d !== undefined && d !== null && loc !== 'header') out[keyOf(loc, p)] = d
      }
    }
    return out
  }

  /** The declared body, read by its media type; pushes an issue for each way it is wrong. */
  private readBody(
    op: Operation,
    body: CompiledBody,
    raw: RawRequest,
    skipSchema: boolean,
    issues: ValidationIssue[],
  ): unknown {
    const text = raw.bodyText
    if (text === undefined || text.length === 0) {
      if (body.required) issues.push({ loc: ['body'], msg: 'Field required', type: 'missing' })
      return undefined
    }
    const check = skipSchema ? undefined : body.validate
    if (body.mediaType === 'application/json')
      return readDeclaredJson(op, raw.contentType, text, check, issues)
    if (body.mediaType === FORM) return this.readFormBody(body.schema, raw.contentType, text, check, issues)
    return text
  }

  /** The fields of a body sent to a form route, checked against `check` (issues worded as for text). */
  private readFormBody(
    schema: JsonSchema | undefined,
    contentType: string,
    text: string,
    check: SchemaCheck | undefined,
    issues: ValidationIssue[],
  ): Record<string, unknown> {
    let obj: Record<string, unknown> = {}
    if (bodyKind(contentType) === 'json') {
      // Lenient: a JSON body on a form route is read as the same fields.
      const parsed = parseJsonText(text)
      if (parsed.ok) obj = parsed.value as Record<string, unknown>
      else issues.push({ loc: ['body', parsed.at], msg: 'JSON decode error', type: 'json_invalid' })
    } else obj = this.formFields(schema, text)
    if (check && !check(obj)) issues.push(...toValidationIssues(check.errors, ['body'], true))
    return obj
  }

  /** The fields of a url-encoded body, each coerced to the type the schema gives its property. */
  private formFields(schema: JsonSchema | undefined, text: string): Record<string, unknown> {
    const props: Record<string, JsonSchema> = Object.assign(
      {},
      ...branches(this.doc, schema).map((b) => b.properties ?? {}),
    )
    const form = new URLSearchParams(text)
    const obj: Record<string, unknown> = {}
    for (const k of new Set(form.keys())) obj[k] = coerceText(this.doc, props[k], form.getAll(k))
    return obj
  }
}
