import type { SchemaError } from './ajv'

/** One entry of a FastAPI-style 422 body. */
export interface ValidationIssue {
  loc: Array<string | number>
  msg: string
  type: string
  /**
   * What failed, as pydantic quotes it back: the value, or for a missing field the object that lacks
   * it. Only issues found by a schema check carry it.
   */
  input?: unknown
}

const list = (values: unknown[]) => {
  const q = values.map((v) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v)))
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} or ${q.at(-1)}` : (q[0] ?? '')
}

function pointerToLoc(pointer: string): Array<string | number> {
  if (!pointer) return []
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s))
}

/** How pydantic names and words one failure; `extra` is the field it is about, when Ajv names one. */
interface Described {
  type: string
  msg: string
  extra?: string
}

/** Pydantic's wording for a value of the wrong type; `fromText` when it was parsed from a string. */
function describeType(t: string, fromText: boolean): Described {
  if (t === 'integer')
    return fromText
      ? {
          type: 'int_parsing',
          msg: 'Input should be a valid integer, unable to parse string as an integer',
        }
      : { type: 'int_type', msg: 'Input should be a valid integer' }
  if (t === 'number')
    return fromText
      ? {
          type: 'float_parsing',
          msg: 'Input should be a valid number, unable to parse string as a number',
        }
      : { type: 'float_type', msg: 'Input should be a valid number' }
  if (t === 'boolean')
    return fromText
      ? { type: 'bool_parsing', msg: 'Input should be a valid boolean, unable to interpret input' }
      : { type: 'bool_type', msg: 'Input should be a valid boolean' }
  if (t === 'string') return { type: 'string_type', msg: 'Input should be a valid string' }
  if (t === 'array') return { type: 'list_type', msg: 'Input should be a valid list' }
  if (t === 'object') return { type: 'dict_type', msg: 'Input should be a valid dictionary' }
  return { type: `${t}_type`, msg: `Input should be ${t}` }
}

/** Pydantic's wording for a string that does not have format `f`. */
function describeFormat(f: string): Described {
  if (f === 'uuid') return { type: 'uuid_parsing', msg: 'Input should be a valid UUID' }
  if (f === 'date-time') return { type: 'datetime_parsing', msg: 'Input should be a valid datetime' }
  if (f === 'date') return { type: 'date_parsing', msg: 'Input should be a valid date' }
  if (f === 'email') return { type: 'value_error', msg: 'value is not a valid email address' }
  return { type: 'value_error', msg: `Input should be a valid ${f}` }
}

/**
 * A failing value as pydantic quotes it: a parameter parsed from text as the text it came from, and
 * a missing parameter (not a body field, whose input is the object lacking it) as null.
 */
function quoted(e: SchemaError, prefix: Array<string | number>, fromText: boolean): unknown {
  const { data } = e
  if (e.keyword === 'required' && prefix[0] !== 'body') return null
  return fromText && (typeof data === 'number' || typeof data === 'boolean') ? String(data) : data
}

/** Pydantic's type and message for one Ajv error. */
function describe(e: SchemaError, fromText: boolean): Described {
  const p = e.params as Record<string, any>
  switch (e.keyword) {
    case 'required':
      return { type: 'missing', msg: 'Field required', extra: p.missingProperty }
    case 'additionalProperties':
      return { type: 'extra_forbidden', msg: 'Extra inputs are not permitted', extra: p.additionalProperty }
    case 'type':
      return describeType(Array.isArray(p.type) ? p.type[0] : p.type, fromText)
    case 'maximum':
      return { type: 'less_than_equal', msg: `Input should be less than or equal to ${p.limit}` }
    case 'minimum':
      return { type: 'greater_than_equal', msg: `Input should be greater than or equal to ${p.limit}` }
    case 'exclusiveMaximum':
      return { type: 'less_than', msg: `Input should be less than ${p.limit}` }
    case 'exclusiveMinimum':
      return { type: 'greater_than', msg: `Input should be greater than ${p.limit}` }
    case 'minLength':
      return {
        type: 'string_too_short',
        msg: `String should have at least ${p.limit} character${p.limit === 1 ? '' : 's'}`,
      }
    case 'maxLength':
      return { type: 'string_too_long', msg: `String should have at most ${p.limit} characters` }
    case 'minItems':
      return {
        type: 'too_short',
        msg: `List should have at least ${p.limit} item${p.limit === 1 ? '' : 's'}`,
      }
    case 'maxItems':
      return { type: 'too_long', msg: `List should have at most ${p.limit} items` }
    case 'pattern':
      return { type: 'string_pattern_mismatch', msg: `String should match pattern '${p.pattern}'` }
    case 'enum':
      return { type: 'enum', msg: `Input should be ${list(p.allowedValues ?? [])}` }
    case 'const':
      return { type: 'literal_error', msg: `Input should be ${list([p.allowedValue])}` }
    case 'format':
      return describeFormat(p.format)
    default:
      return { type: 'value_error', msg: e.message ?? 'Invalid value' }
  }
}

/**
 * Turns Ajv errors into FastAPI's `detail` entries. Branch noise from `anyOf` (e.g. "must be null"
 * for optional fields) is dropped, and each location is reported once.
 */
export function toValidationIssues(
  errors: SchemaError[] | null | undefined,
  prefix: Array<string | number>,
  fromText = false,
): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  const seen = new Set<string>()
  const useful = (errors ?? []).filter(
    (e) =>
      !['anyOf', 'oneOf', 'if', 'not', 'discriminator'].includes(e.keyword) &&
      !(e.keyword === 'type' && (e.params as { type?: string }).type === 'null'),
  )
  const pool = useful.length ? useful : (errors ?? [])
  for (const e of pool) {
    const d = describe(e, fromText)
    const loc = [...prefix, ...pointerToLoc(e.instancePath), ...(d.extra !== undefined ? [d.extra] : [])]
    const key = JSON.stringify(loc)
    if (seen.has(key)) continue
    seen.add(key)
    issues.push({ loc, msg: d.msg, type: d.type, ...('data' in e && { input: quoted(e, prefix, fromText) }) })
  }
  return issues
}
