import type { ClientConfig } from '@amigo-ai/core'
import { VERSION } from './version'

/** Configuration of `AmigoClient`: the core client options plus the WebSocket origin. */
export interface AmigoClientConfig extends ClientConfig {
  /**
   * Origin of the agent engine, used only by the WebSocket helpers (`conversations.textStreamUrl`,
   * `observers.subscribe`); `http(s)` becomes `ws(s)`. Defaults to the `baseUrl` origin.
   */
  agentBaseUrl?: string
}

/** The API origin used when `baseUrl` is not set. */
export const DEFAULT_API_BASE_URL = 'https://api.platform.amigo.ai'

/** How this SDK names itself to the API (`x-amigo-client` / `User-Agent`). */
export const SDK_USER_AGENT = `@amigo-ai/platform-sdk/${VERSION}`
