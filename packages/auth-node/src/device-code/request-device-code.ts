import { errorFromResponse, readOAuthError, secretForms } from '@amigo-ai/core'
import { failedStatus } from '../identity/failed-status'
import { postForm } from '../identity/identity-request'
import { identityUrl } from '../identity/identity-url'
import { parseIssuance } from './parse-issuance'
import { redactQuotedDeviceCode } from './quoted-device-code'
import type { DeviceCodeIssuance } from './types'

/** Starts a device authorization: `POST /device/code` with `client_description?` and `scope?`. */
export async function requestDeviceCode(input: {
  identityBaseUrl: string
  scope?: string
  clientDescription?: string
  fetch?: typeof fetch
  signal?: AbortSignal
  timeoutMs?: number
}): Promise<DeviceCodeIssuance> {
  const res = await postForm(
    identityUrl(input.identityBaseUrl, '/device/code'),
    { client_description: input.clientDescription, scope: input.scope },
    { fetch: input.fetch, signal: input.signal, timeoutMs: input.timeoutMs },
  )
  // Any 2xx is the issuance (some services answer 201 or 202); parseIssuance checks the body.
  if (res.status >= 200 && res.status < 300) return parseIssuance(res.body)
  const { error, error_description } = readOAuthError(res.body)
  const code = (res.body as { device_code?: unknown } | null)?.device_code
  throw errorFromResponse({
    status: res.status,
    headers: res.headers,
    // A failed answer may still carry a device code, which polls for the user's token.
    body: typeof res.body === 'string' ? redactQuotedDeviceCode(res.body) : res.body,
    secrets: secretForms([typeof code === 'string' ? code : undefined]),
    message: `Starting the device code login failed with ${failedStatus(res.status)}${error ? ` (${error})` : ''}${
      error_description ? `: ${error_description}` : ''
    }`,
  })
}
