import { InvalidRequestError } from '../errors/client-errors'

const PLACEHOLDER = /\{([^{}]+)\}/g

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
  for (const [, name] of path.matchAll(PLACEHOLDER)) {
    const value = params[name as string]
    if (value === undefined || value === null || value === '')
      throw new InvalidRequestError(`path parameter "${name}" is missing for ${path}`)
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      throw new InvalidRequestError(`path parameter "${name}" must be a string or number for ${path}`)
  }
  return params
}
