import { InvalidRequestError } from '../errors/client-errors'

const PLACEHOLDER = /\{([^{}]+)\}/g

/** A path template split at its placeholders: literal, placeholder, literal, ..., literal. */
interface Template {
  parts: string[]
  /** Parameter names, without style marks. */
  names: string[]
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
    t = { parts, names }
    if (templates.size >= 1000) templates.clear()
    templates.set(path, t)
  }
  return t
}

/**
 * The path with its parameters filled in: caller values first, then the transport's fixed ones
 * (which win, so a hand-passed `workspace_id` cannot point a call at another workspace). Every
 * placeholder must end up with a non-empty value; otherwise the call fails before anything is sent.
 * Placeholders are filled from the cached split of the template, percent-encoded, in the OpenAPI
 * styles openapi-fetch's serializer writes for a single value: `{name}` → `value`, label `{.name}`
 * → `.value`, matrix `{;name}` → `;name=value` (explode `*` changes nothing for a single value).
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
  let out = t.parts[0] as string
  for (let i = 1; i < t.parts.length; i += 2) {
    const name = t.names[(i - 1) / 2] as string
    const value = encodeURIComponent(String(params[name]))
    const style = (t.parts[i] as string)[0]
    out += (style === '.' ? `.${value}` : style === ';' ? `;${name}=${value}` : value) + t.parts[i + 1]
  }
  return out
}
