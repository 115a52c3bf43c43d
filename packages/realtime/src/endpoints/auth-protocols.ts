import { ConfigurationError } from '@amigo-ai/core'

const MAX_TOKEN_LENGTH = 4096
// RFC 6455 subprotocol values must be RFC 7230 tokens: these characters only.
const SUBPROTOCOL_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
// What the platform accepts as a key at all (JWTs, API keys); the query fallback allows all of it.
const PLATFORM_TOKEN = /^[-A-Za-z0-9._+=/:]+$/

/** Throws `ConfigurationError` unless `token` can travel as a WebSocket subprotocol (never echoes it). */
export function assertSubprotocolToken(token: unknown, name = 'token'): asserts token is string {
  if (typeof token !== 'string' || token === '')
    throw new ConfigurationError(`${name} is required (a non-empty string)`)
  if (token.length > MAX_TOKEN_LENGTH)
    throw new ConfigurationError(`${name} is longer than ${MAX_TOKEN_LENGTH} characters`)
  if (!SUBPROTOCOL_TOKEN.test(token))
    throw new ConfigurationError(
      `${name} contains characters that are not allowed in a WebSocket subprotocol; use the query-token fallback in trusted contexts`,
    )
}

/** Throws `ConfigurationError` unless `token` is acceptable as the `token` query parameter. */
export function assertQueryToken(token: unknown, name = 'token'): asserts token is string {
  if (typeof token !== 'string' || token === '')
    throw new ConfigurationError(`${name} must be a non-empty string`)
  if (token.length > MAX_TOKEN_LENGTH)
    throw new ConfigurationError(`${name} is longer than ${MAX_TOKEN_LENGTH} characters`)
  if (!PLATFORM_TOKEN.test(token))
    throw new ConfigurationError(`${name} contains characters the platform does not accept`)
}

/**
 * The subprotocol list that authenticates an Amigo WebSocket without putting the token in the URL:
 * `['auth', token]`, for `new WebSocket(url, protocols)`. Throws `ConfigurationError` for a token that
 * cannot be sent this way.
 */
export function textStreamAuthProtocols(token: string): string[] {
  assertSubprotocolToken(token, 'token')
  return ['auth', token]
}
