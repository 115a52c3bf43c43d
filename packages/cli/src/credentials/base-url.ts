import { usageError } from '../errors/cli-error'

/** The platform's public API (and identity) origin. */
export const DEFAULT_BASE_URL = 'https://api.platform.amigo.ai'

/** Checks a `--base-url` / `AMIGO_BASE_URL` value: an absolute http(s) URL, returned without trailing slashes. */
export function checkBaseUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw usageError(`--base-url "${value}" is not a URL`, 'give an origin such as http://127.0.0.1:4010')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw usageError(`--base-url must be http or https, not ${url.protocol}`)
  return url.href.replace(/\/+$/, '')
}
