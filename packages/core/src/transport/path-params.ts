import { InvalidRequestError } from '../errors/client-errors'
import { isDotSegment, pathSegmentProblem } from './path-segment'

const PLACEHOLDER = /\{([^{}]+)\}/g

/** A path template split at its placeholders: literal, name, literal, ..., literal. */
interface Template {
  parts: string[]
  /** Parameter names, without style marks. */
  names: string[]
  /** Why the template itself cannot be sent (a literal dot segment), if it cannot. */
  problem?: string
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
    // A literal `.`/`..` segment would be resolved away by the URL parser, like a dot-segment value.
    const dot = path.replace(PLACEHOLDER, 'x').split('/').find(isDotSegment)
    if (dot !== undefined) t.problem = `has the dot segment ${JSON.stringify(dot)}`
    if (templates.size >= 1000) templates.clear()
    templates.set(path, t)
  }
  return t
}

/** `DELETE /v1/{workspace_id}/agents/{agent_id}`, shortened when a run-time path is very long. */
const operation = (method: string, path: string) =>
  `${method} ${path.length > 200 ? `${path.slice(0, 200)}…` : path}`

/**
 * The path with its parameters filled in: caller values first, then the transport's fixed ones
 * (which win, so a hand-passed `workspace_id` cannot point a call at another workspace). Each value
 * must be one a path segment can carry (see pathSegmentProblem); otherwise the call fails with an
 * InvalidRequestError naming the parameter and the operation before anything is sent. The fixed
 * values were checked when the transport was built, so only the caller's are checked here.
 * Placeholders are filled from the cached split of the template, percent-encoded, in the OpenAPI
 * styles openapi-fetch's serializer writes for a single value: `{name}` → `value`, label `{.name}`
 * → `.value`, matrix `{;name}` → `;name=value` (explode `*` changes nothing for a single value).
 */
export function fillPath(
  method: string,
  path: string,
  callerParams: Record<string, unknown> | readonly unknown[] | undefined,
  fixed: Record<string, string>,
): string {
  const t = templateOf(path)
  if (t.problem !== undefined)
    throw new InvalidRequestError(`the path of ${operation(method, path)} ${t.problem}`)
  const { names } = t
  if (names.length === 0) return path
  const values: unknown[] = new Array(names.length)
  // A list gives the caller's values in the template's order (the fixed ones skipped).
  const positional = Array.isArray(callerParams) ? callerParams : undefined
  let next = 0
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string
    if (Object.hasOwn(fixed, name)) {
      values[i] = fixed[name]
      continue
    }
    const named = callerParams as Record<string, unknown> | undefined
    const value = positional
      ? positional[next++]
      : named != null && Object.hasOwn(named, name)
        ? named[name]
        : undefined
    if (value === undefined || value === null)
      throw new InvalidRequestError(`path parameter "${name}" of ${operation(method, path)} is missing`)
    const problem = pathSegmentProblem(value)
    if (problem !== undefined)
      throw new InvalidRequestError(`path parameter "${name}" of ${operation(method, path)} ${problem}`)
    values[i] = value
  }
  let out = t.parts[0] as string
  for (let i = 1; i < t.parts.length; i += 2) {
    const k = (i - 1) / 2
    const value = encodeURIComponent(String(values[k]))
    const style = (t.parts[i] as string)[0]
    out += (style === '.' ? `.${value}` : style === ';' ? `;${names[k]}=${value}` : value) + t.parts[i + 1]
  }
  return out
}
