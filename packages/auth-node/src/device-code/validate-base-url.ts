import { ConfigurationError } from '@amigo-ai/core'
import { DEFAULT_IDENTITY_BASE_URL } from './identity-url'

/** Returns the identity base URL (default when absent) or a `ConfigurationError` when it is not http(s). */
export function validateIdentityBaseUrl(value: unknown, option = 'identityBaseUrl'): string {
  if (value === undefined) return DEFAULT_IDENTITY_BASE_URL
  let url: URL | undefined
  try {
    url = typeof value === 'string' ? new URL(value) : undefined
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigurationError(`${option} must be an http(s) URL`)
  }
  return (value as string).replace(/\/+$/, '')
}
