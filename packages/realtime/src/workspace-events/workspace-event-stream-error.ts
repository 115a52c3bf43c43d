import { AmigoError } from '@amigo-ai/core'

/**
 * Why a workspace event stream stopped for good. Server error-frame codes pass through as sent;
 * `transport_exhausted` means every reconnect allowed by `maxReconnects` failed.
 */
export type WorkspaceEventStreamErrorCode =
  | 'too_many_streams'
  | 'stream_unavailable'
  | 'stream_error'
  | 'transport_exhausted'
  | 'unknown'
  | (string & {})

/** The decoded body of an `event: error` frame (`code`, `message`, and whatever else the server adds). */
export interface WorkspaceEventStreamErrorFrame {
  code?: string
  message?: string
  [field: string]: unknown
}

/** Terminal failure of a workspace event stream; narrow with {@link isWorkspaceEventStreamError}. */
export class WorkspaceEventStreamError extends AmigoError {
  static override readonly kind: string = 'WorkspaceEventStreamError'
  /** Stable machine-readable reason (see {@link WorkspaceEventStreamErrorCode}). */
  readonly code: WorkspaceEventStreamErrorCode
  /** True when trying again later may succeed (the SDK already used its reconnect budget). */
  readonly retryable: boolean
  /** The server's error frame, when one caused or preceded this error. */
  readonly frame?: WorkspaceEventStreamErrorFrame

  constructor(init: {
    code: WorkspaceEventStreamErrorCode
    retryable: boolean
    message: string
    frame?: WorkspaceEventStreamErrorFrame
    cause?: unknown
  }) {
    super(init.message, { cause: init.cause, errorCode: init.code })
    this.code = init.code
    this.retryable = init.retryable
    if (init.frame !== undefined) this.frame = init.frame
  }
}

/** Narrows an unknown error to {@link WorkspaceEventStreamError} (brand-based, works across copies). */
export function isWorkspaceEventStreamError(value: unknown): value is WorkspaceEventStreamError {
  return WorkspaceEventStreamError.isInstance(value)
}
