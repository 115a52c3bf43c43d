/** Replaces every occurrence of each secret (and any `Bearer <token>`) in `text` with `[REDACTED]`. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text
  for (const secret of secrets) {
    // Very short strings would redact ordinary words; real keys and tokens are never that short.
    if (typeof secret === 'string' && secret.length >= 4) out = out.split(secret).join('[REDACTED]')
  }
  return out.replace(/(Bearer\s+)[^\s"',;]+/gi, '$1[REDACTED]')
}
