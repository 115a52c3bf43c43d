import { utf8 } from './bytes'

// Importing a key costs about as much as signing a small body, so keys are kept per secret.
// Bounded (emptied when full) so an app that creates secrets dynamically cannot grow it forever.
const MAX_KEYS = 32
const keys = new Map<string, Promise<CryptoKey>>()

// Only the global Web Crypto is used (Node 20+, Bun, Deno, workers, browsers in a secure context),
// so the package carries no Node-specific import.
function keyFor(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret)
  if (!key) {
    if (keys.size >= MAX_KEYS) keys.clear()
    key = crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ])
    keys.set(secret, key)
    // A failed import must not be remembered.
    key.catch(() => keys.delete(secret))
  }
  return key
}

/** HMAC-SHA256 of `message` keyed by the UTF-8 bytes of `secret`. */
export async function hmacSha256(secret: string, message: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(
    await crypto.subtle.sign('HMAC', await keyFor(secret), message as Uint8Array<ArrayBuffer>),
  )
}
