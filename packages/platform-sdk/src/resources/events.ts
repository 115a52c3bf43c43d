import type { SubscribeToWorkspaceEventsOptions, WorkspaceEventSubscription } from '@amigo-ai/realtime'
import { deferredSubscription } from '../realtime/deferred-handles'
import { loadRealtime, realtimeNow } from '../realtime/load-realtime'
import { APIResource } from './base'
import { tokenOptions } from './realtime-auth'

/**
 * Options of `events.subscribeToWorkspace`: the realtime options minus what the client already knows
 * (workspace, base URL, fetch). The token defaults to the client's key; pass `token` or `getToken` to
 * use another.
 */
export interface SubscribeToWorkspaceOptions
  extends Omit<SubscribeToWorkspaceEventsOptions, 'workspaceId' | 'baseUrl'> {}

/** Live workspace events over Server-Sent Events (calls, surfaces, pipeline, operators, channels). */
export class EventsResource extends APIResource {
  /**
   * Subscribes to the workspace event stream. Reconnects with backoff, resumes from the last event id,
   * and dispatches typed events on `event.event_type`. Returns `{ unsubscribe(), done, lastEventId }`.
   * Where `@amigo-ai/realtime` can be had at once (Node.js, or the client's `realtime` option given
   * the module) the stream starts now and bad options throw; otherwise it starts once the module has
   * loaded, and options it refuses reach `onError`.
   */
  subscribeToWorkspace(options: SubscribeToWorkspaceOptions): WorkspaceEventSubscription {
    const { connection } = this._ctx
    const auth =
      options?.token !== undefined || options?.getToken !== undefined ? {} : tokenOptions(connection)
    const full: SubscribeToWorkspaceEventsOptions = {
      ...options,
      // After the options, so that a `fetch: undefined` or `token: undefined` there does not clear
      // the client's own.
      fetch: options?.fetch ?? connection.fetch,
      ...auth,
      workspaceId: connection.workspaceId,
      baseUrl: connection.baseUrl,
    }
    const realtime = realtimeNow(connection)
    return realtime
      ? realtime.subscribeToWorkspaceEvents(full)
      : deferredSubscription(loadRealtime(connection), full)
  }
}
