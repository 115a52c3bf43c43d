import { usageError } from '../errors/cli-error'
import { httpUrlOption } from '../http-url-option'

/** The platform's public API (and identity) origin. */
export const DEFAULT_BASE_URL = 'https://api.platform.amigo.ai'

/**
 * Checks a `--base-url` / `AMIGO_BASE_URL` value (errors say which, `name`): an absolute http(s) URL
 * without a query or fragment (it would come before every path), returned without trailing slashes.
 * Neither is quoted: a query may hold a token.
 */
export function checkBaseUrl(value: string, name = '--base-url'): string {
  const example = 'http://127.0.0.1:4010'
  const url = httpUrlOption(name, value, example, 'sign in with amigo login, or set AMIGO_API_KEY')
  if (/[?#]/.test(value)) throw usageError(`${name} must not contain a query or fragment`, `e.g. ${example}`)
  return url.href.replace(/\/+$/, '')
}
