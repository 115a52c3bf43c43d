import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationBody, OperationResult } from './operation-types'

/** Desktop sessions: remote desktops an agent can drive. */
export class DesktopSessionsResource extends APIResource {
  /** Starts a remote desktop session (`POST /desktop-sessions`). */
  create(
    body: OperationBody<'create_desktop_session_v1__workspace_id__desktop_sessions_post'>,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<OperationResult<'create_desktop_session_v1__workspace_id__desktop_sessions_post'>>
  > {
    return this._op('post', 'desktop-sessions', { body }, options)
  }

  /** Ends a remote desktop session (`DELETE /desktop-sessions/{session_id}`). */
  disconnect(
    sessionId: string,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<
      OperationResult<'disconnect_session_v1__workspace_id__desktop_sessions__session_id__delete'>
    >
  > {
    return this._op('delete', 'desktop-sessions/{session_id}', { path: [sessionId] }, options)
  }

  /** Performs an action (click, type, ...) in a desktop session (`POST /desktop-sessions/{session_id}/action`). */
  sendAction(
    sessionId: string,
    body: OperationBody<'perform_action_v1__workspace_id__desktop_sessions__session_id__action_post'>,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<
      OperationResult<'perform_action_v1__workspace_id__desktop_sessions__session_id__action_post'>
    >
  > {
    return this._op('post', 'desktop-sessions/{session_id}/action', { path: [sessionId], body }, options)
  }

  /** Current screenshot of a desktop session (`GET /desktop-sessions/{session_id}/screenshot`). */
  getScreenshot(
    sessionId: string,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<
      OperationResult<'get_screenshot_v1__workspace_id__desktop_sessions__session_id__screenshot_get'>
    >
  > {
    return this._op('get', 'desktop-sessions/{session_id}/screenshot', { path: [sessionId] }, options)
  }

  /** Status of a desktop session (`GET /desktop-sessions/{session_id}/status`). */
  getStatus(
    sessionId: string,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<
      OperationResult<'get_session_status_v1__workspace_id__desktop_sessions__session_id__status_get'>
    >
  > {
    return this._op('get', 'desktop-sessions/{session_id}/status', { path: [sessionId] }, options)
  }
}
