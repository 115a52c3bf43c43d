import { InvalidRequestError } from '../errors/client-errors'

const PLACEHOLDER = /\{([^{}]+)\}/g

// The placeholder names of each path template seen (a client uses a few hundred at most); bounded
// anyway, since `request()` also takes paths built at run time.
const namesByPath = new Map<string, string[]>()
const namesOf = (path: string): string[] => {
  let names = namesByPath.get(path)
  if (names === undefined) {
    names = Array.from(path.matchAll(PLACEHOLDER), (m) => m[1] as string)
    if (namesByPath.size >= 1000) namesByPath.clear()
    namesByPath.set(path, names)
  }
  return names
}

/**
 * Fills path parameters: caller values first, then the transport's fixed ones (which win, so a
 * hand-passed `workspace_id` cannot point a call at another workspace). Every placeholder of the
 * path must end up with a non-empty value; otherwise the call fails before anything is sent.
 */
export function resolvePathParams(
  path: string,
  callerParams: Record<string, unknown> | undefined,
  fixed: Record<string, string>,
): Record<string, unknown> {
  const params: Record<string, unknown> = { ...callerParams, ...fixed }
  for (const name of namesOf(path)) {
    const value = params[name]
    if (value === undefined || value === null || value === '')
      throw new InvalidRequestError(`path parameter "${name}" is missing for ${path}`)
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      throw new InvalidRequestError(`path parameter "${name}" must be a string or number for ${path}`)
  }
  return params
}
