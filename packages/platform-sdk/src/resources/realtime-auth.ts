import type { ApiKeySource } from '@amigo-ai/core'

/**
 * Turns the client's key (a string or a getter) into the token options the realtime helpers take;
 * none without a key, so that the helper asks for a token itself.
 */
export function tokenOptions(
  apiKey: ApiKeySource | undefined,
): { token?: string } | { getToken: () => string | Promise<string> } {
  if (apiKey === undefined) return {}
  return typeof apiKey === 'function' ? { getToken: apiKey } : { token: apiKey }
}
