import type { AmigoClientConfig } from './client-config'
import { createContext } from './client-context'
import type { ResourceContext } from './resources/base'

/**
 * The tree-shakable way in (`@amigo-ai/platform-sdk/lite`): validates the config and returns the
 * context resources are built from, with the same transport, retries, errors and hooks as
 * `AmigoClient`. Build only the resources you use: `new AgentsResource(createAmigo(config))`.
 * Throws `ConfigurationError` naming a missing or invalid option.
 */
export function createAmigo(config: AmigoClientConfig): ResourceContext {
  return createContext(config)
}
