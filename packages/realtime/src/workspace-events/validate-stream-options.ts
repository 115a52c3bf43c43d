import { ConfigurationError } from '@amigo-ai/core'
import type { WorkspaceEventStreamOptions } from './workspace-events-options'

const nonNegative = (value: unknown) => typeof value === 'number' && value >= 0 && !Number.isNaN(value)

/** Rejects unusable options before any request is made; messages name the option, never its value. */
export function validateStreamOptions(options: WorkspaceEventStreamOptions): void {
  if (typeof options !== 'object' || options === null)
    throw new ConfigurationError('Workspace event stream options must be an object')
  if (typeof options.workspaceId !== 'string' || options.workspaceId.trim() === '')
    throw new ConfigurationError('workspaceId is required (a non-empty string)')
  const hasToken = typeof options.token === 'string' && options.token !== ''
  const hasGetter = typeof options.getToken === 'function'
  if (!hasToken && !hasGetter)
    throw new ConfigurationError('token (a non-empty string) or getToken (a function) is required')
  if (options.baseUrl !== undefined && typeof options.baseUrl !== 'string')
    throw new ConfigurationError('baseUrl must be a string')
  for (const name of ['maxReconnects', 'initialDelayMs', 'maxDelayMs', 'maxFrameBytes'] as const) {
    if (options[name] !== undefined && !nonNegative(options[name]))
      throw new ConfigurationError(`${name} must be a non-negative number`)
  }
  if (options.fetch === undefined && typeof globalThis.fetch !== 'function')
    throw new ConfigurationError('No global fetch in this runtime; pass the fetch option')
}
