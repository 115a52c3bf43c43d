import { AmigoError, type AmigoErrorInit } from '@amigo-ai/core'

/** The `errorCode` of each way a device-code login can fail. */
export type DeviceCodeErrorCode =
  | 'device_code_expired'
  | 'device_code_denied'
  | 'workspace_selection_required'

/** Root of the errors that end a device-code login; `errorCode` says which. */
export class DeviceCodeError extends AmigoError {
  static override readonly kind: string = 'DeviceCodeError'
  /** Which way the login failed; each has its own subclass too. */
  declare readonly errorCode: DeviceCodeErrorCode

  constructor(message: string, init: AmigoErrorInit & { errorCode: DeviceCodeErrorCode }) {
    super(message, init)
  }
}

/** The code expired before the user approved it (`expired_token` from the server, or the local deadline). */
export class DeviceCodeExpiredError extends DeviceCodeError {
  static override readonly kind: string = 'DeviceCodeExpiredError'
  // The messages keep the official SDK's key phrases, which callers' tests match on.
  constructor(
    message = 'Device code expired before it was approved; start the login again',
    init?: AmigoErrorInit,
  ) {
    super(message, { ...init, errorCode: 'device_code_expired' })
  }
}

/** The user (or a policy) refused the sign-in request (`access_denied`). */
export class DeviceCodeDeniedError extends DeviceCodeError {
  static override readonly kind: string = 'DeviceCodeDeniedError'
  constructor(message = 'Authorization request was denied', init?: AmigoErrorInit) {
    super(message, { ...init, errorCode: 'device_code_denied' })
  }
}

/** No workspace could be chosen (no callback for several workspaces, or an answer not offered). */
export class WorkspaceSelectionError extends DeviceCodeError {
  static override readonly kind: string = 'WorkspaceSelectionError'
  constructor(message: string, init?: AmigoErrorInit) {
    super(message, { ...init, errorCode: 'workspace_selection_required' })
  }
}

/**
 * The caller aborted the login through its `signal`; `cause` holds the signal's reason. Not a
 * `DeviceCodeError`: nothing failed, the user stopped.
 */
export class LoginCancelledError extends AmigoError {
  static override readonly kind: string = 'LoginCancelledError'
  constructor(message = 'Login cancelled', init: AmigoErrorInit = {}) {
    super(message, { ...init, errorCode: 'login_cancelled' })
  }
}

/** True for any `DeviceCodeError` (also from another installed copy of this package). */
export function isDeviceCodeError(err: unknown): err is DeviceCodeError {
  return DeviceCodeError.isInstance(err)
}
/** True for a `DeviceCodeExpiredError`. */
export function isDeviceCodeExpiredError(err: unknown): err is DeviceCodeExpiredError {
  return DeviceCodeExpiredError.isInstance(err)
}
/** True for a `DeviceCodeDeniedError`. */
export function isDeviceCodeDeniedError(err: unknown): err is DeviceCodeDeniedError {
  return DeviceCodeDeniedError.isInstance(err)
}
/** True for a `WorkspaceSelectionError`. */
export function isWorkspaceSelectionError(err: unknown): err is WorkspaceSelectionError {
  return WorkspaceSelectionError.isInstance(err)
}
/** True for a `LoginCancelledError`. */
export function isLoginCancelledError(err: unknown): err is LoginCancelledError {
  return LoginCancelledError.isInstance(err)
}
