import type { CallObservation, ObserveCallOptions } from '@amigo-ai/realtime'
import { deferredObservation } from '../realtime/deferred-handles'
import { loadRealtime, realtimeNow } from '../realtime/load-realtime'
import { APIResource } from './base'
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

/** Live observation of one voice call over WebSocket (transcripts, latency, session and participant events). */
export class ObserversResource extends APIResource {
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
    const auth = rest.token !== undefined || rest.getToken !== undefined ? {} : tokenOptions(connection)
    const full: ObserveCallOptions = {
      ...rest,
      // After the options, so that a `token: undefined` there does not clear the client's key.
      ...auth,
      // An undefined `url` or `agentBaseUrl` counts as not given. Realtime's own name, `url`, which
      // its check of misspelt options suggests, is taken too rather than dropped for the default.
      url: observerUrl ?? (rest as { url?: string }).url,
      workspaceId: connection.workspaceId,
      baseUrl: connection.baseUrl,
      agentBaseUrl: connection.agentBaseUrl,
    }
    const realtime = realtimeNow(connection)
    return realtime ? realtime.observeCall(full) : deferredObservation(loadRealtime(connection), full)
  }
}
