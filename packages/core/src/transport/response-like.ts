import { ConfigurationError } from '../errors/client-errors'

/**
 * What a custom `fetch` resolved to, as a Response. A Response (of any fetch implementation) is used
 * as it is. Tests often stub fetch with a plain object (`{ status, ok, headers, json() }`, as
 * `vi.fn().mockResolvedValue(...)` gives, headers as `Headers` or a record): such a stub is read
 * once into a real Response, so everything after the fetch call sees one kind of value. Anything
 * without a status and `json()` or `text()` is a ConfigurationError that says what is missing.
 */
export async function asResponse(value: unknown): Promise<Response> {
  const stub = value as Record<string, any> | null | undefined
  if (stub?.headers?.get && stub.text) return value as Response
  const status = stub?.status
  if (
    typeof status !== 'number' ||
    !(status >= 200 && status <= 599) ||
    typeof (stub?.text ?? stub?.json) !== 'function'
  )
    throw new ConfigurationError(
      'fetch must resolve to a Response or a stub with a status and json() or text()',
    )
  const body = stub!.text ? await stub!.text() : JSON.stringify(await stub!.json())
  // An empty body is null: a 204, 205 or 304 Response cannot carry even an empty one.
  return new Response(body || null, { status, headers: stub!.headers })
}
