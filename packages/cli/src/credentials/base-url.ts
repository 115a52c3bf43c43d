import { httpUrlOption } from '../http-url-option'

/** The platform's public API (and identity) origin. */
export const DEFAULT_BASE_URL = 'https://api.platform.amigo.ai'

/** Checks a `--base-url` / `AMIGO_BASE_URL` value: an absolute http(s) URL, returned without trailing slashes. */
export function checkBaseUrl(value: string): string {
  const url = httpUrlOption(
    '--base-url',
    value,
    'http://127.0.0.1:4010',
    'sign in with amigo login, or set AMIGO_API_KEY',
  )
  return url.href.replace(/\/+$/, '')
}
