import { type ClientConfig, DEFAULT_BASE_URL } from '@amigo-ai/core'
import type { RealtimeLoader } from './realtime/load-realtime'
import { VERSION } from './version'

/** Configuration of `AmigoClient`: the core client options plus the WebSocket origin. */
export interface AmigoClientConfig extends ClientConfig {
  /**
   * Origin of the agent engine, used only by the WebSocket helpers (`conversations.textStreamUrl`,
   * `observers.subscribe`); `http(s)` becomes `ws(s)`. Defaults to the `baseUrl` origin.
   */
  agentBaseUrl?: string
  /**
   * Where `events.subscribeToWorkspace`, `observers.subscribe` and `conversations.streamTurn` get
   * `@amigo-ai/realtime` from. By default it is loaded by name on first use, which works wherever
   * packages are resolved at run time (Node, Bun, Deno). A bundled app (browser, worker, single-file
   * server bundle) that uses those methods passes `() => import('@amigo-ai/realtime')`, so its
   * bundler sees the package (a code-split build puts it in a chunk of its own), or the module itself
   * (`import * as realtime from '@amigo-ai/realtime'`), which also lets `events.subscribeToWorkspace`
   * and `observers.subscribe` connect (and refuse bad options) before they return, as they do in
   * Node; an app that never calls them carries none of it.
   */
  realtime?: RealtimeLoader
}

/** The API origin used when `baseUrl` is not set. */
export const DEFAULT_API_BASE_URL = DEFAULT_BASE_URL

/** How this SDK names itself to the API (`x-amigo-client` / `User-Agent`). */
export const SDK_USER_AGENT = `@amigo-ai/platform-sdk/${VERSION}`

/**
 * The single-package SDK's name for {@link AmigoClientConfig}, with `apiKey` a string as it typed it
 * (code reading `config.apiKey` as a string compiles unchanged); `AmigoClientConfig` also takes a
 * function returning the key.
 */
export interface AmigoConfig extends AmigoClientConfig {
  /** The API key or token. */
  apiKey: string
}
