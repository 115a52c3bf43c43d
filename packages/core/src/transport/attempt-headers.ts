import { ConfigurationError } from '../errors/client-errors'
import { credentialOf, formEncoded } from '../errors/secret-forms'
import type { ClientState } from './client-state'
import { checkApiKey } from './config'
import { applyHeaders, type HeaderLayer, type HeaderRecord } from './headers'
import type { Call } from './prepare-call'

/**
 * The headers of one attempt, in a record of its own: Accept, the layered headers, the call's header
 * parameters, its Content-Type and idempotency key, the identification headers, then Authorization.
 * An apiKey getter is called here (so each attempt gets a fresh token): only then is it a promise.
 */
export function attemptHeaders(client: ClientState, call: Call): HeaderRecord | Promise<HeaderRecord> {
  const { init, opts } = call
  const headers = applyHeaders(
    { accept: init.accept ?? 'application/json' },
    opts.headers as HeaderLayer | undefined,
    call.header,
  )
  if (init.contentType) headers['content-type'] = init.contentType
  if (opts.idempotencyKey !== undefined) headers['idempotency-key'] = opts.idempotencyKey
  // The identification headers unless the caller set them (a null in a layer does not remove them).
  for (const name in client.clientHeaders) headers[name] ??= client.clientHeaders[name]!
  // An explicit Authorization header from the caller is kept as is (attemptSecrets hides it).
  if (init.auth === false || headers.authorization !== undefined) return headers
  const { apiKey } = client
  // A fixed key was checked when the client was made; a getter's result is checked each time.
  if (typeof apiKey !== 'function') return authorize(headers, apiKey)
  return Promise.resolve(apiKey()).then((key) => authorize(headers, checkedKey(key)))
}

/** The key a getter returned, checked (it may return anything; attemptSecrets hides it). */
function checkedKey(key: unknown): string {
  if (typeof key !== 'string' || key === '')
    throw new ConfigurationError('apiKey getter must return a non-empty string')
  checkApiKey(key, 'the key returned by the apiKey getter')
  return key
}

const authorize = (headers: HeaderRecord, key: string): HeaderRecord => {
  headers.authorization = `Bearer ${key}`
  return headers
}

/**
 * What one attempt keeps out of its errors, results and hook output: the credential of the
 * Authorization it sends (whoever set it: the client's key, a getter, a caller's header) and the
 * call's `secret` (the credentials in its body), each also percent-encoded as a form carries it
 * (`/`, `+`, `=` as a URL writes them too), which a server may quote back. The client's key is only
 * ever sent there.
 */
export function attemptSecrets(init: Call['init'], headers?: HeaderRecord): string[] {
  const { secret } = init
  const auth = headers?.authorization
  // Plain pushes: every attempt runs this (its request id is redacted), and concat, flat or spreads
  // of the possibly missing parts cost several times as much there (bench: request overhead).
  const secrets = typeof secret === 'string' ? [secret] : secret ? [...secret] : []
  if (auth) secrets.push(credentialOf(auth))
  for (const s of secrets.slice()) secrets.push(formEncoded(s))
  return secrets
}
