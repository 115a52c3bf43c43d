import type { ApiKeySource } from '@amigo-ai/core'

/** Turns the client's key (a string or a getter) into the token options the realtime helpers take. */
export function tokenOptions(
  apiKey: ApiKeySource,
): { token: string } | { getToken: () => string | Promise<string> } {
  return typeof apiKey === 'function' ? { getToken: apiKey } : { token: apiKey }
}
