import { usageError } from './errors/cli-error'

/**
 * Checks an option that names an http(s) URL (`--base-url`, `--to`) and returns it parsed, else a
 * usage error naming the option. A URL with a user or password is refused without printing it: it
 * would otherwise be echoed in this or a later message, and fetch refuses such URLs anyway. A value
 * that does not parse is quoted without its query or fragment.
 */
export function httpUrlOption(option: string, value: string, example: string, instead: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    // Something before an `@` may be a password, even in a value that does not parse; a query or
    // fragment may hold a token (`?token=...`), so only what comes before it is shown.
    const shown = value.includes('@') ? '' : ` "${value.split(/[?#]/)[0]}"`
    throw usageError(`${option}${shown} is not a URL`, `e.g. ${example}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw usageError(`${option} must be an http or https URL, not ${url.protocol}`)
  if (url.username || url.password) throw usageError(`${option} must not contain a user or password`, instead)
  return url
}
