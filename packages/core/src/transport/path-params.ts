import { defaultPathSerializer } from 'openapi-fetch'
import { InvalidRequestError } from '../errors/client-errors'

const PLACEHOLDER = /\{([^{}]+)\}/g

/** A path template split at its placeholders: literal, name, literal, ..., literal. */
interface Template {
  parts: string[]
  /** Parameter names, without style marks. */
  names: string[]
  /** Only plain `{name}` placeholders (no label `.`, matrix `;` or explode `*` styles). */
  simple: boolean
}

// The templates seen (a client uses a few hundred at most); bounded anyway, since `request()` also
// takes paths built at run time.
const templates = new Map<string, Template>()
function templateOf(path: string): Template {
  let t = templates.get(path)
  if (t === undefined) {
    const parts = path.split(PLACEHOLDER)
    const raw = parts.filter((_, i) => i % 2 === 1)
    // The parameter's name without its style marks (`{.name}`, `{;name}`, `{name*}`).
    const names = raw.map((n) => n.replace(/^[.;]/, '').replace(/\*$/, ''))
    t = { parts, names, simple: raw.every((n, i) => n === names[i]) }
    if (templates.size >= 1000) templates.clear()
    templates.set(path, t)
  }
  return t
}

/**
 * The path with its parameters filled in: caller values first, then the transport's fixed ones
 * (which win, so a hand-passed `workspace_id` cannot point a call at another workspace). Every
 * placeholder must end up with a non-empty value; otherwise the call fails before anything is sent.
 * Plain `{name}` placeholders are filled here from the cached split of the template, as
 * openapi-fetch's serializer would fill them (percent-encoded); that serializer, which matches
 * the template with a regular expression on every call, handles the other OpenAPI styles.
 */
export function fillPath(
  path: string,
  callerParams: Record<string, unknown> | undefined,
  fixed: Record<string, string>,
): string {
  const t = templateOf(path)
  if (t.names.length === 0) return path
  const params: Record<string, unknown> = { ...callerParams, ...fixed }
  for (const name of t.names) {
    const value = params[name]
    if (value === undefined || value === null || value === '')
      throw new InvalidRequestError(`path parameter "${name}" is missing for ${path}`)
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      throw new InvalidRequestError(`path parameter "${name}" must be a string or number for ${path}`)
  }
  if (!t.simple) return defaultPathSerializer(path, params)
  let out = t.parts[0] as string
  for (let i = 1; i < t.parts.length; i += 2)
    out += encodeURIComponent(String(params[t.parts[i] as string])) + t.parts[i + 1]
  return out
}
