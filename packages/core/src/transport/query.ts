// The query string of a request, written the way openapi-fetch's default serializer writes it (and
// so the way the Platform API's FastAPI routes read it): `name=value` pairs joined by `&`, values
// percent-encoded, an array as the same name repeated (form, exploded), an object as `name[key]=value`
// (deepObject). These few lines are all the transport needs of a serializer, and keeping them here
// means core loads no other package at all (bench: cold import and bundle size).

const pair = (name: string, value: unknown): string => {
  // A Date is read as a value (openapi-fetch, taking it for an object with no keys, drops it).
  if (value instanceof Date) value = value.toISOString()
  else if (typeof value === 'object')
    throw new TypeError(
      `query parameter "${name}" nests an object or array, which a query string cannot carry`,
    )
  return `${name}=${encodeURIComponent(value as string | number | boolean)}`
}

/**
 * `a=1&b=x%20y&tag=1&tag=2&filter[kind]=p`; undefined and null values (and empty arrays) are left out,
 * a Date is its ISO 8601 text.
 * Names are percent-encoded too (openapi-fetch leaves them as they are), so a name holding `&` or `=`
 * cannot add a parameter the caller did not write; the API's own names are unchanged by it.
 */
export function serializeQuery(query: Record<string, unknown> | undefined): string {
  const out: string[] = []
  for (const rawName in query) {
    const value = query[rawName]
    const name = encodeURIComponent(rawName)
    if (value === undefined || value === null) continue
    if (Array.isArray(value)) {
      for (const item of value) if (item !== undefined && item !== null) out.push(pair(name, item))
    } else if (typeof value === 'object' && !(value instanceof Date)) {
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key]
        if (item !== undefined && item !== null) out.push(pair(`${name}[${encodeURIComponent(key)}]`, item))
      }
    } else out.push(pair(name, value))
  }
  return out.join('&')
}
