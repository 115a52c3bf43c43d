import type { SubscribeToWorkspaceEventsOptions, WorkspaceEventSubscription } from '@amigo-ai/realtime'
import { deferredSubscription } from '../realtime/deferred-handles'
import { loadRealtime } from '../realtime/load-realtime'
import { APIResource } from './base'
import { tokenOptions } from './realtime-auth'

/**
 * Options of `events.subscribeToWorkspace`: the realtime options minus what the client already knows
 * (workspace, base URL, fetch). The token defaults to the client's key; pass `token` or `getToken` to
 * use another.
 */
export type WorkspaceSubscribeOptions = Omit<SubscribeToWorkspaceEventsOptions, 'workspaceId' | 'baseUrl'>

/** Live workspace events over Server-Sent Events (calls, surfaces, pipeline, operators, channels). */
export class EventsResource extends APIResource {
  /**
   * Subscribes to the workspace event stream. Reconnects with backoff, resumes from the last event id,
   * and dispatches typed events on `event.event_type`. Returns `{ unsubscribe(), done }` at once; the
   * stream starts once `@amigo-ai/realtime` has loaded (see the client's `realtime` option), and
   * options it refuses reach `onError`.
   */
  subscribeToWorkspace(options: WorkspaceSubscribeOptions): WorkspaceEventSubscription {
    const { connection } = this._ctx
    const auth =
      options.token !== undefined || options.getToken !== undefined ? {} : tokenOptions(connection.apiKey)
    return deferredSubscription(loadRealtime(connection), {
      ...(connection.fetch ? { fetch: connection.fetch } : {}),
      ...auth,
      ...options,
      workspaceId: connection.workspaceId,
      baseUrl: connection.baseUrl,
    })
  }
}
