import type { ResolvedRetry } from '../retry/policy'
import type { ApiKeySource } from './config'
import type { HeaderRecord } from './headers'
import type { ClientHooks } from './hooks'
import type { BaseUrl } from './url'

/** What a transport and every `withOptions` view of it share: built once from the client config. */
export interface ClientState {
  base: BaseUrl
  /**
   * The fetch the caller configured (a relative base always has one), called unbound: browser fetch
   * rejects a `this` other than the global object.
   */
  fetch?: typeof fetch
  hooks?: ClientHooks
  apiKey: ApiKeySource
  /** Path parameters the transport fills itself (`workspace_id`), checked once in the config. */
  fixedPathParams: Record<string, string>
  /** The client's retry settings, defaults filled in. */
  retry: ResolvedRetry
  /** `x-amigo-client` and `user-agent`, built once: they do not change between requests. */
  clientHeaders: HeaderRecord
  /** Scrubs the client's own key from a text (each attempt also scrubs what it sent: attemptSecrets). */
  redact: (text: string) => string
}
