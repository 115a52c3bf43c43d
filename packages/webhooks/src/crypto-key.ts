import { utf8 } from './bytes'

// Importing a key costs about as much as signing a small body, so keys are kept per secret.
// Bounded (emptied when full) so an app that creates secrets dynamically cannot grow it forever.
const MAX_KEYS = 32
const keys = new Map<string, Promise<CryptoKey>>()

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

/** A running native HMAC (text is hashed as UTF-8). */
interface NativeHmac {
  update(data: string | Uint8Array): NativeHmac
  digest(): Uint8Array
}

/** The part of `node:crypto` used here (Node, Bun and Deno all provide it). */
interface NativeCrypto {
  createHmac(algorithm: 'sha256', key: string): NativeHmac
}

/**
 * The runtime's own crypto module, when it hands one out without an import (Node 20.16+, Bun, Deno
 * through `process.getBuiltinModule`). Web Crypto runs each HMAC on a worker thread, which costs
 * about 50 µs per call against 7 µs for a synchronous native one (bench: webhook verification).
 * Looked up on each call rather than at load, so importing the package has no side effects; the
 * lookup is a property read. Bundlers see no import, and runtimes without it use Web Crypto.
 */
const nativeCrypto = (): NativeCrypto | undefined =>
  (
    globalThis as { process?: { getBuiltinModule?: (id: string) => NativeCrypto | undefined } }
  ).process?.getBuiltinModule?.('node:crypto')

/** HMAC-SHA256 of `prefix` then `body` (text as UTF-8), keyed by the UTF-8 bytes of `secret`. */
export async function hmacSha256(
  secret: string,
  prefix: string,
  body: string | Uint8Array,
): Promise<Uint8Array> {
  const native = nativeCrypto()
  if (native) return native.createHmac('sha256', secret).update(prefix).update(body).digest()
  // A Blob joins text (as UTF-8) and bytes into one message without a hand-written copy.
  const message = await new Blob([prefix, body as Uint8Array<ArrayBuffer>]).arrayBuffer()
  return new Uint8Array(await crypto.subtle.sign('HMAC', await keyFor(secret), message))
}
