import { AmigoError, type AmigoErrorInit } from '@amigo-ai/core'
import { brandGuard } from './brand-guard'

/** Why a device-code login stopped. */
export type DeviceCodeErrorCode = 'expired_token' | 'access_denied' | 'workspace_selection_required'

/** Root of the errors that end a device-code login; `code` says which. */
export class DeviceCodeError extends AmigoError {
  static override readonly kind: string = 'DeviceCodeError'
  /** The OAuth error code (or `workspace_selection_required`). */
  readonly code: DeviceCodeErrorCode

  constructor(code: DeviceCodeErrorCode, message: string, init: AmigoErrorInit = {}) {
    super(message, { errorCode: code, ...init })
    this.code = code
  }
}

/** The device code expired before the user approved it (`expired_token`, or the local deadline passed). */
export class DeviceCodeExpiredError extends DeviceCodeError {
  static override readonly kind: string = 'DeviceCodeExpiredError'
  constructor(description?: string, init?: AmigoErrorInit) {
    super(
      'expired_token',
      `The sign-in code expired before it was approved; start the login again${description ? ` (${description})` : ''}`,
      init,
    )
  }
}

/** The user (or a policy) refused the sign-in request (`access_denied`). */
export class DeviceAccessDeniedError extends DeviceCodeError {
  static override readonly kind: string = 'DeviceAccessDeniedError'
  constructor(description?: string, init?: AmigoErrorInit) {
    super('access_denied', `The sign-in request was denied${description ? ` (${description})` : ''}`, init)
  }
}

/** No workspace could be chosen (no callback for several workspaces, or an answer not offered). */
export class WorkspaceSelectionError extends DeviceCodeError {
  static override readonly kind: string = 'WorkspaceSelectionError'
  constructor(message: string, init?: AmigoErrorInit) {
    super('workspace_selection_required', message, init)
  }
}

/** True for any `DeviceCodeError` (also from another installed copy of this package). */
export const isDeviceCodeError = brandGuard<DeviceCodeError>('DeviceCodeError')
/** True for a `DeviceCodeExpiredError`. */
export const isDeviceCodeExpiredError = brandGuard<DeviceCodeExpiredError>('DeviceCodeExpiredError')
/** True for a `DeviceAccessDeniedError`. */
export const isDeviceAccessDeniedError = brandGuard<DeviceAccessDeniedError>('DeviceAccessDeniedError')
/** True for a `WorkspaceSelectionError`. */
export const isWorkspaceSelectionError = brandGuard<WorkspaceSelectionError>('WorkspaceSelectionError')
