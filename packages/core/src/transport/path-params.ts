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
  const { parts, names, problem } = templateOf(path)
  if (problem !== undefined)
    throw new InvalidRequestError(`the path of ${operation(method, path)} ${problem}`)
  // A list gives the caller's values in the template's order (the fixed ones skipped).
  const positional = Array.isArray(callerParams) ? callerParams : undefined
  const named = callerParams as Record<string, unknown> | undefined
  let out = parts[0] as string
  let next = 0
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string
    let value: unknown = fixed[name]
    if (!Object.hasOwn(fixed, name)) {
      value = positional
        ? positional[next++]
        : named != null && Object.hasOwn(named, name)
          ? named[name]
          : undefined
      const refused = value == null ? 'is missing' : pathSegmentProblem(value)
      if (refused !== undefined)
        throw new InvalidRequestError(`path parameter "${name}" of ${operation(method, path)} ${refused}`)
    }
    const text = encodeURIComponent(String(value))
    const style = (parts[2 * i + 1] as string)[0]
    out += (style === '.' ? `.${text}` : style === ';' ? `;${name}=${text}` : text) + parts[2 * i + 2]
  }
  return out
}
