import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationBody, OperationResult } from './operation-types'

/** Live voice sessions: list them and inject events. */
export class SessionsResource extends APIResource {
  /** Voice sessions in progress (`GET /sessions/active`). */
  listActive(
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<OperationResult<'list_active_sessions_v1__workspace_id__sessions_active_get'>>
  > {
    return this._op('get', 'sessions/active', {}, options)
  }

  /** Injects an event into a live session (`POST /sessions/{call_sid}/inject`). */
  inject(
    callSid: string,
    body: OperationBody<'inject_session_event_v1__workspace_id__sessions__call_sid__inject_post'>,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<
      OperationResult<'inject_session_event_v1__workspace_id__sessions__call_sid__inject_post'>
    >
  > {
    return this._op('post', 'sessions/{call_sid}/inject', { path: [callSid], body }, options)
  }
}
