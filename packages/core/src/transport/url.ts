import { ConfigurationError } from '../errors/client-errors'

/** The API's public origin, used when no `baseUrl` is configured. */
export const DEFAULT_BASE_URL = 'https://api.platform.amigo.ai'

/** How a configured base URL is used to build request URLs. */
export interface BaseUrl {
  /** Absolute base the request URL is built on (a custom fetch gets a `Request`, which needs an origin). */
  absolute: string
  /**
   * A relative base such as `/api/platform` (a BFF proxy), as configured: `absolute` is it on a
   * placeholder origin (for the hooks' `Request`), and the custom fetch gets URLs on it instead.
   */
  relative?: string
  /**
   * Why requests cannot be sent from this base here (a relative base with no custom fetch outside a
   * browser, a non-HTTP scheme). The client is still built, as the single-package SDK's was, so that
   * what needs no request (the WebSocket URL helpers, which report their own error) works; each
   * request fails with this message as a ConfigurationError.
   */
  unusable?: string
}

// Outside a browser there is no page origin to resolve a relative base against; this reserved
// name can never resolve, so a URL built on it that reached a network would fail loudly, not leak.
const PLACEHOLDER_ORIGIN = 'http://relative-base-url.invalid'

/** Validates and normalises `baseUrl` (trailing slashes removed; relative paths need a custom fetch). */
export function resolveBaseUrl(baseUrl: unknown, hasCustomFetch: boolean): BaseUrl {
  if (baseUrl === undefined) return { absolute: DEFAULT_BASE_URL }
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '')
    throw new ConfigurationError(
      'baseUrl must be a non-empty string (an absolute URL or a path such as /api/platform)',
    )
  const trimmed = baseUrl.trim().replace(/\/+$/, '')
  // A query or fragment would end up before every path.
  if (/[?#]/.test(trimmed))
    throw new ConfigurationError('baseUrl must not contain a query string or fragment')
  if (/^https?:\/\//i.test(trimmed)) {
    let url: URL
    try {
      url = new URL(trimmed)
    } catch {
      throw new ConfigurationError('baseUrl is not a valid URL')
    }
    // fetch refuses URLs with credentials.
    if (url.username || url.password)
      throw new ConfigurationError('baseUrl must not contain credentials (user:password@); use apiKey')
    return { absolute: trimmed }
  }
  const relative = { absolute: `${PLACEHOLDER_ORIGIN}${trimmed}`, relative: trimmed }
  if (!trimmed.startsWith('/') && trimmed !== '')
    return {
      ...relative,
      unusable: 'baseUrl must start with http://, https:// or / (a relative path for a proxy)',
    }
  // In a browser, the page's http(s) origin resolves it.
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin
  if (typeof origin === 'string' && /^https?:/.test(origin)) return { absolute: `${origin}${trimmed}` }
  if (!hasCustomFetch)
    return {
      ...relative,
      unusable: 'a relative baseUrl needs a custom fetch option (a proxy) outside a browser',
    }
  return relative
}
