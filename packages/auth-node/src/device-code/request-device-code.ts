import { errorFromResponse } from '@amigo-ai/core'
import { postForm } from '../identity/identity-request'
import { identityUrl } from '../identity/identity-url'
import { readOAuthError } from '../identity/oauth-error-body'
import { parseIssuance } from './parse-issuance'
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
  if (res.status === 200 || res.status === 201) return parseIssuance(res.body)
  const { error, error_description } = readOAuthError(res.body)
  throw errorFromResponse({
    status: res.status,
    headers: res.headers,
    body: res.body,
    message: `Starting the device code login failed with HTTP ${res.status}${error ? ` (${error})` : ''}${
      error_description ? `: ${error_description}` : ''
    }`,
  })
}
