import type { StoredCredentials } from '@amigo-ai/auth-node'
import { checkApiKey, pathSegmentProblem } from '@amigo-ai/core'

/**
 * The field of a stored login that no request can carry, or undefined: a `workspace_id` that is not
 * exactly one URL path segment (`..`, one with `/`: every API path puts it after `/v1/`), or an
 * `access_token` no Authorization header can hold (a line break, a character outside Latin-1). The
 * identity service's answers are checked when they arrive; this is a file edited or damaged since.
 */
export function unusableLoginField(stored: StoredCredentials): 'workspace_id' | 'access_token' | undefined {
  if (pathSegmentProblem(stored.workspace_id) !== undefined) return 'workspace_id'
  try {
    checkApiKey(stored.access_token, 'access_token')
  } catch {
    return 'access_token'
  }
  return undefined
}
