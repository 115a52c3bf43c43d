import { ConfigurationError } from '@amigo-ai/core'
import { DEFAULT_IDENTITY_BASE_URL } from './identity-url'

/**
 * Returns the identity base URL (default when absent) without trailing slashes, or throws a
 * `ConfigurationError` naming `option` when it is not an http(s) URL the routes can be appended to:
 * a query or fragment would swallow the route (`https://id.example/?x=` + `/token` never reaches
 * `/token`), and credentials in it would be sent to the identity service with every request. The
 * message never includes the value.
 */
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
  const text = value as string
  if (url.search || url.hash || text.includes('?') || text.includes('#'))
    throw new ConfigurationError(`${option} must not contain a query string or fragment`)
  if (url.username || url.password)
    throw new ConfigurationError(`${option} must not contain credentials (user:password@)`)
  return text.replace(/\/+$/, '')
}
