import { ConfigurationError, DEFAULT_BASE_URL, Transport } from '@amigo-ai/core'
import type { CallObservation, ObserveCallOptions } from '@amigo-ai/realtime'
import type { paths } from '../generated/openapi'
import { deferredObservation } from '../realtime/deferred-handles'
import { loadRealtime, realtimeNow } from '../realtime/load-realtime'
import { APIResource, type ResourceContext } from './base'
import { tokenOptions } from './realtime-auth'

/**
 * Options of `observers.subscribe`: the realtime options minus the workspace and origins (taken from
 * the client). The token defaults to the client's key.
 */
export interface ObserverSubscribeOptions
  extends Omit<ObserveCallOptions, 'workspaceId' | 'baseUrl' | 'agentBaseUrl' | 'url'> {
  /** Full `ws:`/`wss:` observer URL instead of the derived one (no query or fragment); skips the SID check. */
  observerUrl?: string
}

/**
 * A context for an ObserversResource built the single-package SDK's way, from a workspace id and an
 * agent origin alone: observing needs no HTTP client (the token comes with each `subscribe`), so the
 * transport only exists to satisfy the base class and refuses any request it would be asked to make.
 */
function standaloneContext(workspaceId: string, agentBaseUrl: unknown): ResourceContext {
  if (agentBaseUrl !== undefined && typeof agentBaseUrl !== 'string')
    throw new ConfigurationError('agentBaseUrl must be a string')
  const noKey = () => {
    throw new ConfigurationError('This ObserversResource was built without a client and has no API key')
  }
  return {
    transport: new Transport<paths>({ apiKey: noKey, workspaceId }),
    connection: {
      baseUrl: agentBaseUrl ?? DEFAULT_BASE_URL,
      workspaceId,
      ...(agentBaseUrl !== undefined ? { agentBaseUrl } : {}),
    },
  }
}

/** Live observation of one voice call over WebSocket (transcripts, latency, session and participant events). */
export class ObserversResource extends APIResource {
  /** Built by the client (`client.observers`). */
  constructor(ctx: ResourceContext)
  /**
   * The single-package SDK's form: `client` is not used (observing opens its own socket), the socket
   * goes to `agentBaseUrl` (default `https://api.platform.amigo.ai`), and each `subscribe` needs a `token`.
   */
  constructor(client: unknown, workspaceId: string, agentBaseUrl?: string)
  constructor(ctxOrClient: ResourceContext | unknown, workspaceId?: string, agentBaseUrl?: string) {
    super(
      typeof workspaceId === 'string'
        ? standaloneContext(workspaceId, agentBaseUrl)
        : (ctxOrClient as ResourceContext),
    )
  }

  /**
   * Starts observing a call; events are dispatched on `event.type`. Returns the socket's handle
   * (`close()`, `state`, `done`). Where `@amigo-ai/realtime` can be had at once (Node.js, or the
   * client's `realtime` option given the module) the socket opens now and a malformed call SID,
   * override URL or token throws `ConfigurationError`; otherwise the socket opens once the module
   * has loaded, and such options reach `onError`.
   */
  subscribe(options: ObserverSubscribeOptions): CallObservation {
    const { connection } = this._ctx
    const { observerUrl, ...rest } = options ?? ({} as ObserverSubscribeOptions)
    const auth =
      rest.token !== undefined || rest.getToken !== undefined ? {} : tokenOptions(connection.apiKey)
    const full: ObserveCallOptions = {
      ...auth,
      ...rest,
      ...(observerUrl !== undefined ? { url: observerUrl } : {}),
      workspaceId: connection.workspaceId,
      baseUrl: connection.baseUrl,
      ...(connection.agentBaseUrl !== undefined ? { agentBaseUrl: connection.agentBaseUrl } : {}),
    }
    const realtime = realtimeNow(connection)
    return realtime ? realtime.observeCall(full) : deferredObservation(loadRealtime(connection), full)
  }
}
