import { ConfigurationError, DEFAULT_BASE_URL } from '@amigo-ai/core'

/** Where the agent-engine WebSocket endpoints live. */
export interface AgentOriginOptions {
  /** Agent-engine origin (http, https, ws or wss); wins over `baseUrl`. */
  agentBaseUrl?: string
  /** API origin, used when `agentBaseUrl` is absent (default `https://api.platform.amigo.ai`). */
  baseUrl?: string
}

/**
 * Returns the `ws:`/`wss:` origin for the agent-engine sockets (https → wss, http → ws). A base with
 * a path (for example a BFF proxy prefix) is refused: the sockets live at the origin root, so
 * guessing would connect somewhere else; pass an explicit URL instead.
 */
export function agentWebSocketOrigin(options: AgentOriginOptions, what: string): string {
  const name = options.agentBaseUrl !== undefined ? 'agentBaseUrl' : 'baseUrl'
  const raw = options.agentBaseUrl ?? options.baseUrl ?? DEFAULT_BASE_URL
  if (typeof raw !== 'string') throw new ConfigurationError(`${name} must be a string`)
  const parsed = parseUrl(raw, `${name} must be an absolute URL to build the ${what} URL; pass url instead`)
  const scheme = { 'https:': 'wss:', 'wss:': 'wss:', 'http:': 'ws:', 'ws:': 'ws:' }[parsed.protocol]
  if (!scheme) throw new ConfigurationError(`${name} must use http, https, ws or wss`)
  if (parsed.pathname !== '/' && parsed.pathname !== '')
    throw new ConfigurationError(
      `${name} has a path, so the ${what} URL cannot be derived from it; pass url instead`,
    )
  return `${scheme}//${parsed.host}`
}

/** Checks a caller-supplied socket URL: absolute `ws:`/`wss:`, no query string or fragment. */
export function checkSocketUrlOverride(url: unknown, name: string): string {
  if (typeof url !== 'string') throw new ConfigurationError(`${name} must be a string`)
  const parsed = parseUrl(url, `${name} must be an absolute ws: or wss: URL`)
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:')
    throw new ConfigurationError(`${name} must use ws: or wss:`)
  // A password there would be shown wherever the URL is (logs, errors), and no secret filter knows it.
  if (parsed.username || parsed.password)
    throw new ConfigurationError(`${name} must not contain a user or password (user:password@)`)
  // Also a bare `?` or `#`, which URL parsing drops.
  if (/[?#]/.test(url)) throw new ConfigurationError(`${name} must not have query parameters or fragments`)
  return url
}

/** `raw` parsed as an absolute URL, or a `ConfigurationError` with `message` (which never quotes it). */
function parseUrl(raw: string, message: string): URL {
  try {
    return new URL(raw)
  } catch {
    throw new ConfigurationError(message)
  }
}
