import { apiKeyGrant } from './api-key'
import { clientCredentialsGrant } from './client-credentials'
import type { GrantHandler } from './context'
import { deviceCodeGrant } from './device-code'
import { externalUserSessionGrant } from './external-user-session'
import { refreshTokenGrant } from './refresh-token'

/** The handler of each `grant_type` the token endpoint accepts. */
export const GRANTS: ReadonlyMap<string, GrantHandler> = new Map([
  ['api_key', apiKeyGrant],
  ['client_credentials', clientCredentialsGrant],
  ['refresh_token', refreshTokenGrant],
  ['device_code', deviceCodeGrant],
  ['urn:ietf:params:oauth:grant-type:device_code', deviceCodeGrant],
  ['external_user_session', externalUserSessionGrant],
])
