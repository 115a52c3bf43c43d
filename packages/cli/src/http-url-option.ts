import { usageError } from './errors/cli-error'

/**
 * Checks an option that names an http(s) URL (`--base-url`, `--to`) and returns it parsed, else a
 * usage error naming the option. A URL with a user or password is refused without printing it: it
 * would otherwise be echoed in this or a later message, and fetch refuses such URLs anyway. Nor is
 * a value that is no URL at all quoted: it is most often something pasted in the wrong place, such
 * as a key or token from swapped variables, which the run's secret filter may never have seen.
 */
export function httpUrlOption(option: string, value: string, example: string, instead: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw usageError(`${option} is not a URL`, `e.g. ${example}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw usageError(`${option} must be an http or https URL, not ${url.protocol}`)
  if (url.username || url.password) throw usageError(`${option} must not contain a user or password`, instead)
  return url
}
