/**
 * Replaces every occurrence of each secret (and any `Bearer <token>`) in `text` with `[REDACTED]`;
 * entries that are not strings (an unset key, a key getter) are skipped.
 */
export function redactSecrets(text: string, secrets: readonly unknown[]): string {
  let out = text
  for (const secret of secrets) {
    // Very short strings would redact ordinary words; real keys and tokens are never that short.
    if (typeof secret === 'string' && secret.length >= 4) out = out.replaceAll(secret, '[REDACTED]')
  }
  // A replacement without `$` patterns: V8 substitutes those on a slow path, and every request
  // redacts its request id here (bench: request overhead).
  return out.replace(/Bearer\s+[^\s"',;]+/gi, 'Bearer [REDACTED]')
}

/**
 * A copy of a parsed body with `redactSecrets` applied to every string in it (keys included), so a
 * server that echoes the caller's key back cannot put it into an error's `body`, logs or JSON.
 * `depth` is the recursion's own (leave it out).
 */
export function redactDeep(value: unknown, secrets: readonly unknown[], depth = 0): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets)
  // Parsed JSON is a tree; the depth cap only guards against hand-built cyclic objects.
  if (typeof value !== 'object' || value === null) return value
  // Deeper than any real error body: not read, so nothing in it can leak.
  if (depth > 32) return '[REDACTED]'
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets, depth + 1))
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return value
  // fromEntries defines each key, so a server's own `__proto__` key stays data, not a prototype.
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [redactSecrets(k, secrets), redactDeep(v, secrets, depth + 1)]),
  )
}
