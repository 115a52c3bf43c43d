import { ConfigurationError, Transport } from '@amigo-ai/core'
import { type AmigoClientConfig, DEFAULT_API_BASE_URL, SDK_USER_AGENT } from './client-config'
import type { paths } from './generated/openapi'
import type { ResourceContext } from './resources/base'
import { rememberApiKey } from './resources/realtime-auth'

/**
 * Validates a client config and builds what every resource is made from: the one transport and the
 * connection facts of the realtime helpers. Throws `ConfigurationError` naming a missing or invalid
 * option (never its value): the transport checks every option it takes, then the umbrella's own.
 */
export function createContext(config: AmigoClientConfig): ResourceContext {
  // The config as the transport's prototype rather than spread: a spread copies own properties only,
  // so a baseUrl, fetch or hooks inherited (a class getter, Object.create) would be lost there while
  // read below, and requests would go to the default origin.
  const transport = new Transport<paths>(
    typeof config === 'object' && config !== null
      ? Object.create(config, { userAgent: { value: config.userAgent ?? SDK_USER_AGENT } })
      : config,
  )
  const { workspaceId, agentBaseUrl, fetch, realtime } = config
  if (agentBaseUrl !== undefined && typeof agentBaseUrl !== 'string')
    throw new ConfigurationError('agentBaseUrl must be a string')
  if (
    realtime !== undefined &&
    typeof realtime !== 'function' &&
    (typeof realtime !== 'object' || realtime === null)
  )
    throw new ConfigurationError('realtime must be the @amigo-ai/realtime module or a function returning it')
  // A valid string or undefined, as the transport checked.
  const baseUrl = (config.baseUrl ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '')
  const connection = rememberApiKey({ baseUrl, workspaceId, agentBaseUrl, fetch, realtime }, config.apiKey)
  return { transport, connection }
}
