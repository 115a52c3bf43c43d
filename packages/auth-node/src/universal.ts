// Everything that runs in any JavaScript runtime (Node, browsers, edge). Both entries re-export it,
// each adding its own TokenManager (whose default storage differs) and Node-only parts.

// Defined in core, which the umbrella's token resource shares them with: the same classes.
export {
  classifyRefreshFailure,
  isRefreshTokenExpiredError,
  isRefreshTokenReusedError,
  isTokenRefreshError,
  RefreshTokenExpiredError,
  RefreshTokenReusedError,
  TokenRefreshError,
} from '@amigo-ai/core'
export { formatDeviceCodeInstructions } from './device-code/format-instructions'
export { formatDeviceCodeLink } from './device-code/format-link'
export { formatWorkspaceList } from './device-code/format-workspaces'
export { loginWithDeviceCode } from './device-code/login-with-device-code'
export type {
  DeviceCodeClock,
  DeviceCodeIssuance,
  DeviceCodeLoginOptions,
  DeviceCodeLoginResult,
  DeviceCodePollEvent,
  DeviceCodeStatus,
  IdentityTokenResponse,
  MultiWorkspaceResponse,
  WorkspaceChoice,
} from './device-code/types'
export {
  DeviceCodeDeniedError,
  DeviceCodeError,
  type DeviceCodeErrorCode,
  DeviceCodeExpiredError,
  isDeviceCodeDeniedError,
  isDeviceCodeError,
  isDeviceCodeExpiredError,
  isLoginCancelledError,
  isWorkspaceSelectionError,
  LoginCancelledError,
  WorkspaceSelectionError,
} from './errors/device-code-errors'
export {
  isNodeOnlyError,
  isNotSignedInError,
  isTokenStorageError,
  NodeOnlyError,
  NotSignedInError,
  TokenStorageError,
  type TokenStorageProblem,
} from './errors/token-errors'
export { DEFAULT_IDENTITY_BASE_URL } from './identity/identity-url'
export type { AuthResult } from './tokens/auth-result'
export { MemoryTokenStorage } from './tokens/memory-token-storage'
export type { StoredCredentials } from './tokens/stored-credentials'
export type { BaseTokenManager, TokenManagerConfig } from './tokens/token-manager'
export type { TokenStorage, WaitOptions } from './tokens/token-storage'
export { VERSION } from './version'
