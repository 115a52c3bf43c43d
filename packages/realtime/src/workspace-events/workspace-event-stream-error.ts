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
  /** The server's reason, e.g. `too_many_streams`. */
  code?: string
  /** The server's explanation, for people. */
  message?: string
  [field: string]: unknown
}

/** Fields of a {@link WorkspaceEventStreamError} besides its message. */
export interface WorkspaceEventStreamErrorInit {
  /** Stable machine-readable reason (see {@link WorkspaceEventStreamErrorCode}). */
  code: WorkspaceEventStreamErrorCode
  /** True when trying again later may succeed. */
  retryable: boolean
  /** The server's error frame, when one caused or preceded the error. */
  frame?: WorkspaceEventStreamErrorFrame
  /** The underlying error, when there was one. */
  cause?: unknown
}

/** Terminal failure of a workspace event stream; narrow with {@link isWorkspaceEventStreamError}. */
export class WorkspaceEventStreamError extends AmigoError {
  static override readonly kind: string = 'WorkspaceEventStreamError'
  /** Stable machine-readable reason (see {@link WorkspaceEventStreamErrorCode}). */
  declare readonly code: WorkspaceEventStreamErrorCode
  /** True when trying again later may succeed (the SDK already used its reconnect budget). */
  declare readonly retryable: boolean
  /** The server's error frame, when one caused or preceded this error. */
  declare readonly frame: WorkspaceEventStreamErrorFrame | undefined

  /** The SDK's form: a message and the fields. */
  constructor(message: string, init: WorkspaceEventStreamErrorInit)
  /** The single-package SDK's positional form, kept so code written for it still compiles. */
  constructor(
    message: string,
    code: WorkspaceEventStreamErrorCode,
    retryable: boolean,
    frame?: WorkspaceEventStreamErrorFrame,
  )
  constructor(
    message: string,
    init: WorkspaceEventStreamErrorInit | WorkspaceEventStreamErrorCode,
    retryable?: boolean,
    frame?: WorkspaceEventStreamErrorFrame,
  ) {
    const fields: WorkspaceEventStreamErrorInit =
      typeof init === 'string' ? { code: init, retryable: !!retryable, frame } : init
    super(message, { cause: fields.cause, errorCode: fields.code })
    this.code = fields.code
    this.retryable = fields.retryable
    this.frame = fields.frame
  }
}

/** Narrows an unknown error to {@link WorkspaceEventStreamError} (brand-based, works across copies). */
export function isWorkspaceEventStreamError(value: unknown): value is WorkspaceEventStreamError {
  return WorkspaceEventStreamError.isInstance(value)
}
