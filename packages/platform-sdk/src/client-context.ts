import { ConfigurationError, Transport } from '@amigo-ai/core'
import { type AmigoClientConfig, DEFAULT_API_BASE_URL, SDK_USER_AGENT } from './client-config'
import type { paths } from './generated/openapi'
import type { ResourceContext } from './resources/base'
import { rememberApiKey } from './resources/realtime-auth'

const optionalType = (config: AmigoClientConfig, key: keyof AmigoClientConfig, type: string) => {
  if (config[key] !== undefined && typeof config[key] !== type)
    throw new ConfigurationError(`${key} must be a ${type}`)
}

/**
 * Validates a client config and builds what every resource is made from: the one transport and the
 * connection facts of the realtime helpers. Throws `ConfigurationError` naming a missing or invalid
 * option (never its value).
 */
export function createContext(config: AmigoClientConfig): ResourceContext {
  if (typeof config !== 'object' || config === null) {
    throw new ConfigurationError('AmigoClient needs a config object with apiKey and workspaceId')
  }
  optionalType(config, 'agentBaseUrl', 'string')
  optionalType(config, 'baseUrl', 'string')
  const { realtime } = config
  if (
    realtime !== undefined &&
    typeof realtime !== 'function' &&
    (typeof realtime !== 'object' || realtime === null)
  )
    throw new ConfigurationError('realtime must be the @amigo-ai/realtime module or a function returning it')
  const baseUrl = (config.baseUrl ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '')
  const transport = new Transport<paths>({
    ...config,
    baseUrl,
    userAgent: config.userAgent ?? SDK_USER_AGENT,
  })
  const { workspaceId, agentBaseUrl, fetch } = config
  const connection = rememberApiKey({ baseUrl, workspaceId, agentBaseUrl, fetch, realtime }, config.apiKey)
  return { transport, connection }
}
