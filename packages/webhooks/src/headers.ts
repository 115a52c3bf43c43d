/** Request headers as a fetch `Headers` object or a Node-style record (`req.headers`). */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Record<string, string | string[] | number | undefined | null>

/** The header's value (case-insensitive name; repeated values come back as an array), or undefined. */
export function readHeader(headers: WebhookHeaders | null | undefined, name: string): unknown {
  if (typeof headers?.get === 'function') return (headers as { get(name: string): string | null }).get(name)
  for (const key in headers) if (key.toLowerCase() === name) return (headers as Record<string, unknown>)[key]
}
