// Everything that runs in any JavaScript runtime (Node, browsers, edge). Both entries re-export it.
export { formatDeviceCodeInstructions } from './device-code/format-instructions'
export { DEFAULT_IDENTITY_BASE_URL } from './device-code/identity-url'
export { loginWithDeviceCode } from './device-code/login-with-device-code'
export type {
  DeviceCodeClock,
  DeviceCodeIssuance,
  DeviceCodeLoginResult,
  DeviceCodePollEvent,
  LoginWithDeviceCodeOptions,
  TokenPayload,
  WorkspaceChoice,
} from './device-code/types'
export {
  DeviceAccessDeniedError,
  DeviceCodeError,
  type DeviceCodeErrorCode,
  DeviceCodeExpiredError,
  isDeviceAccessDeniedError,
  isDeviceCodeError,
  isDeviceCodeExpiredError,
  isWorkspaceSelectionError,
  WorkspaceSelectionError,
} from './errors/device-code-errors'
export {
  isNodeOnlyError,
  isNotSignedInError,
  isRefreshTokenExpiredError,
  isRefreshTokenReusedError,
  isTokenRefreshError,
  isTokenStorageError,
  NodeOnlyError,
  NotSignedInError,
  RefreshTokenExpiredError,
  RefreshTokenReusedError,
  TokenRefreshError,
  TokenStorageError,
} from './errors/token-errors'
export { MemoryTokenStorage } from './tokens/memory-token-storage'
export type { StoredCredentials } from './tokens/stored-credentials'
export { TokenManager, type TokenManagerOptions } from './tokens/token-manager'
export type { TokenStorage } from './tokens/token-storage'
export { VERSION } from './version'
