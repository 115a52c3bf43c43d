import { ConfigurationError, pathSegmentProblem } from '@amigo-ai/core'

/**
 * Throws `ConfigurationError` naming `name` unless `value` can be exactly one segment of a socket's
 * or stream's path, checked as every path parameter is (`..` would reach another route).
 */
export function requirePathSegment(value: unknown, name: string): void {
  const problem = pathSegmentProblem(value)
  if (problem) throw new ConfigurationError(`${name} ${problem}`)
}
