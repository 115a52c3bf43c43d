/**
 * Reads the (unverified) claims of a JWT, or undefined when the token is not a JWT. Used only to
 * learn which workspace a token is bound to; the server verifies the token, not us.
 */
export function readJwtClaims(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1]
  if (!part) return undefined
  try {
    const b64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=')
    const json = new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)))
    const claims = JSON.parse(json)
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? claims : undefined
  } catch {
    return undefined
  }
}
