import { type CallObservation, type ObserveCallOptions, observeCall } from '@amigo-ai/realtime'
import { APIResource } from './base'
import { tokenOptions } from './realtime-auth'

/**
 * Options of `observers.subscribe`: the realtime options minus the workspace and origins (taken from
 * the client). The token defaults to the client's key.
 */
export type ObserverSubscribeOptions = Omit<ObserveCallOptions, 'workspaceId' | 'baseUrl' | 'agentBaseUrl'>

/** Live observation of one voice call over WebSocket (transcripts, latency, session and participant events). */
export class ObserversResource extends APIResource {
  /** Starts observing a call; events are dispatched on `event.type`. Returns `{ close(), state, done }`. */
  subscribe(options: ObserverSubscribeOptions): CallObservation {
    const { connection } = this._ctx
    const auth =
      options.token !== undefined || options.getToken !== undefined ? {} : tokenOptions(connection.apiKey)
    return observeCall({
      ...auth,
      ...options,
      workspaceId: connection.workspaceId,
      baseUrl: connection.baseUrl,
      ...(connection.agentBaseUrl !== undefined ? { agentBaseUrl: connection.agentBaseUrl } : {}),
    })
  }
}
