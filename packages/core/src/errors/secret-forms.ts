/**
 * `secret` as a form body carries it (`rt%2FAbc%2BDef%3D%3D`); never throws, unlike encodeURIComponent.
 * A secret of letters, digits and `_.*-` (as API keys usually are) is its own form: every attempt
 * redacts its key from the request id, and a URLSearchParams per call costs about 1% of a loopback
 * GET (bench: request overhead).
 */
export const formEncoded = (secret: string): string =>
  /^[\w.*-]*$/.test(secret) ? secret : new URLSearchParams({ s: secret }).toString().slice(2)

/**
 * `secret` as a server may echo it: a form post's body quoted back (`refresh_token=rt%2FAbc%2BDef%3D%3D`)
 * shows a token holding `/`, `+`, `=` or a space in its form-encoded form, or percent-encoded as in a
 * URL. Lower-case hex digits too, as a server re-encoding what it decoded may write them.
 */
function encodedForms(secret: string): string[] {
  const forms = [formEncoded(secret)]
  try {
    forms.push(encodeURIComponent(secret))
  } catch {
    // A lone surrogate cannot be percent-encoded; the form encoding above stands in for it.
  }
  return forms.flatMap((f) => [f, f.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())])
}

/**
 * The strings to redact (with `redactSecrets`) for `secrets` (tokens, device codes, keys): each as
 * it is and percent-encoded (form and URL encoding, either hex case), longest first, so that a
 * secret inside a longer one is not replaced first, leaving the rest of the longer one shown. Empty
 * and missing values are left out.
 */
export function secretForms(secrets: readonly (string | undefined)[]): string[] {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret === '') continue
    forms.add(secret)
    for (const form of encodedForms(secret)) forms.add(form)
  }
  return [...forms].sort((a, b) => b.length - a.length)
}

/**
 * The credential of an Authorization value as the server receives it: what follows the scheme
 * (`Bearer`), without the spaces and tabs around it, which fetch strips from a header value. A key
 * pasted with a trailing space is sent, and may be quoted back, without it.
 */
export const credentialOf = (authorization: string): string =>
  authorization.trim().replace(/^\S+\s+(?=\S)/, '')
