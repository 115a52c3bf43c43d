/** Default identity service root (device code, token and profile routes live here). */
export const DEFAULT_IDENTITY_BASE_URL = 'https://api.platform.amigo.ai'

/** Joins an identity base URL and a route, tolerating a trailing slash on the base. */
export function identityUrl(baseUrl: string, route: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${route}`
}
