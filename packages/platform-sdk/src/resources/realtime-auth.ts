import type { ApiKeySource } from '@amigo-ai/core'
import type { ClientConnection } from '../realtime/client-connection'

// The key of each client's connection, held outside the connection object: no enumeration, JSON,
// spread or `util.inspect` of a resource (even with `showHidden` and `getters`) can reach it.
const apiKeys = new WeakMap<ClientConnection, ApiKeySource>()

/** Keeps `apiKey` as the key of `connection` for the realtime helpers; returns the connection. */
export function rememberApiKey(connection: ClientConnection, apiKey: ApiKeySource): ClientConnection {
  apiKeys.set(connection, apiKey)
  return connection
}

/**
 * Turns the connection's key (a string or a getter) into the token options the realtime helpers
 * take; none without a key, so that the helper asks for a token itself.
 */
export function tokenOptions(
  connection: ClientConnection,
): { token?: string } | { getToken: () => string | Promise<string> } {
  const apiKey = apiKeys.get(connection) ?? connection.apiKey
  if (apiKey === undefined) return {}
  return typeof apiKey === 'function' ? { getToken: apiKey } : { token: apiKey }
}
