import { ConfigurationError } from '@amigo-ai/core'
import { requireText } from './require-text'

const MAX_TOKEN_LENGTH = 4096
// RFC 6455 subprotocol values must be RFC 7230 tokens: these characters only.
const SUBPROTOCOL_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
// What the platform accepts as a key at all (JWTs, API keys); the query fallback allows all of it.
const PLATFORM_TOKEN = /^[-A-Za-z0-9._+=/:]+$/

/**
 * The distinct characters of `token` a subprotocol cannot carry, each JSON-quoted, in order of first
 * appearance (e.g. `":", "/"`). Only these single characters are named, never the token itself.
 */
function invalidSubprotocolChars(token: string): string {
  const bad = new Set<string>()
  for (const ch of token) if (!SUBPROTOCOL_TOKEN.test(ch)) bad.add(ch)
  return [...bad].map((ch) => JSON.stringify(ch)).join(', ')
}

/** What both forms of a token need: a non-empty string of at most MAX_TOKEN_LENGTH characters. */
function checkToken(token: unknown, name: string): asserts token is string {
  requireText(token, name)
  if (token.length > MAX_TOKEN_LENGTH)
    throw new ConfigurationError(`${name} is longer than ${MAX_TOKEN_LENGTH} characters`)
}

/** Throws `ConfigurationError` unless `token` can travel as a WebSocket subprotocol (never echoes it). */
export function assertSubprotocolToken(token: unknown, name = 'token'): asserts token is string {
  checkToken(token, name)
  requireText(token.trim(), name) // blank is as missing as empty
  if (!SUBPROTOCOL_TOKEN.test(token))
    throw new ConfigurationError(
      `${name} contains characters browsers reject in WebSocket subprotocols (${invalidSubprotocolChars(token)}); the text stream alone has a fallback where URLs are not logged: textStreamUrl's \`token\` option`,
    )
}

/** Throws `ConfigurationError` unless `token` is acceptable as the `token` query parameter. */
export function assertQueryToken(token: unknown, name = 'token'): asserts token is string {
  checkToken(token, name)
  if (!PLATFORM_TOKEN.test(token))
    throw new ConfigurationError(`${name} contains characters the platform does not accept`)
}

/** The subprotocol pair that authenticates the text-stream socket: `['auth', token]`. */
export type TextStreamAuthProtocols = readonly ['auth', string]

/** The subprotocol pair that authenticates the call-observer socket: `['auth', token]`. */
export type ObserverAuthProtocols = readonly ['auth', string]

/** `['auth', token]`, once `token` is checked; an error names the option as `name`. */
export function authProtocols(token: string, name: string): ['auth', string] {
  assertSubprotocolToken(token, name)
  return ['auth', token]
}

/**
 * The subprotocol list that authenticates an Amigo WebSocket without putting the key in the URL:
 * `['auth', apiKey]`, for `new WebSocket(url, protocols)`. Throws `ConfigurationError` for a blank key
 * (`apiKey is required`), one longer than 4096 characters, or one a subprotocol cannot carry (the
 * message names the offending characters, never the key).
 */
export function textStreamAuthProtocols(apiKey: string): ['auth', string] {
  return authProtocols(apiKey, 'apiKey')
}

/** {@link textStreamAuthProtocols} for the session-connect socket (`conversations.sessionConnectUrl`). */
export function sessionConnectAuthProtocols(apiKey: string): ['auth', string] {
  return authProtocols(apiKey, 'apiKey')
}

/** {@link textStreamAuthProtocols} for the call-observer socket; the message names `token`. */
export function observerAuthProtocols(token: string): ['auth', string] {
  return authProtocols(token, 'token')
}
