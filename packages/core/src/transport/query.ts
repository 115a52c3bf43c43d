// The query string of a request, written the way openapi-fetch's default serializer writes scalars
// and lists (and so the way the Platform API's FastAPI routes read them): `name=value` pairs joined
// by `&`, values percent-encoded, a list as the same name repeated (form, exploded). No operation
// of the API takes an object, so one is refused rather than written as `name[key]=value`: that is
// what options passed where the query belongs look like (`{ headers: { Authorization } }` would put
// the token in the URL). These few lines are all the transport needs of a serializer, and keeping
// them here means core loads no other package at all (bench: cold import and bundle size).
import { kindOf } from '../options/kind-of'

const pair = (name: string, value: unknown): string => {
  // A Date is read as a value (openapi-fetch, taking it for an object with no keys, drops it).
  if (value instanceof Date && !Number.isNaN(value.getTime())) value = value.toISOString()
  else if (typeof value === 'object' || typeof value === 'function' || typeof value === 'symbol')
    throw new TypeError(
      `query parameter "${name}" must be a string, number, boolean or valid Date, or a list of them`,
    )
  return `${name}=${encodeURIComponent(value as string | number | boolean)}`
}

/**
 * `a=1&b=x%20y&tag=1&tag=2`; undefined and null values (and empty lists) are left out, a Date is its
 * ISO 8601 text. Names are percent-encoded too (openapi-fetch leaves them as they are), so a name
 * holding `&` or `=` cannot add a parameter the caller did not write; the API's own names are
 * unchanged by it.
 */
export function serializeQuery(query: Record<string, unknown> | undefined): string {
  // A string would be read as a list of characters (`?0=l&1=i...`).
  if (query != null && typeof query !== 'object')
    throw new TypeError(`query must be an object, got ${kindOf(query)}`)
  const out: string[] = []
  for (const rawName in query) {
    const value = query[rawName]
    const name = encodeURIComponent(rawName)
    for (const item of Array.isArray(value) ? value : [value])
      if (item !== undefined && item !== null) out.push(pair(name, item))
  }
  return out.join('&')
}
