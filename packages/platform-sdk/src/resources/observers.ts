import type { CallObservation, ObserveCallOptions } from '@amigo-ai/realtime'
import { deferredObservation } from '../realtime/deferred-handles'
import { loadRealtime } from '../realtime/load-realtime'
import { APIResource } from './base'
import { tokenOptions } from './realtime-auth'

/**
 * Options of `observers.subscribe`: the realtime options minus the workspace and origins (taken from
 * the client). The token defaults to the client's key.
 */
export type ObserverSubscribeOptions = Omit<ObserveCallOptions, 'workspaceId' | 'baseUrl' | 'agentBaseUrl'>

/** Live observation of one voice call over WebSocket (transcripts, latency, session and participant events). */
export class ObserversResource extends APIResource {
  /**
   * Starts observing a call; events are dispatched on `event.type`. Returns `{ close(), state, done }`
   * at once; the socket opens once `@amigo-ai/realtime` has loaded (see the client's `realtime`
   * option), and options it refuses (a malformed call SID, say) reach `onError` as `open_failed`.
   */
  subscribe(options: ObserverSubscribeOptions): CallObservation {
    const { connection } = this._ctx
    const auth =
      options.token !== undefined || options.getToken !== undefined ? {} : tokenOptions(connection.apiKey)
    return deferredObservation(loadRealtime(connection), {
      ...auth,
      ...options,
      workspaceId: connection.workspaceId,
      baseUrl: connection.baseUrl,
      ...(connection.agentBaseUrl !== undefined ? { agentBaseUrl: connection.agentBaseUrl } : {}),
    })
  }
}
