import type { ObserverEvent } from '../event-types'

// Marked pure so a bundle that never decodes these frames drops it (the built dist is one module).
const utf8 = /* @__PURE__ */ new TextDecoder()

/** Decodes one observer frame; non-JSON, non-object and `type`-less frames give undefined (dropped). */
export function decodeObserverFrame(data: string | ArrayBuffer): ObserverEvent | undefined {
  const text = typeof data === 'string' ? data : utf8.decode(data)
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  if (typeof (body as { type?: unknown }).type !== 'string') return undefined
  return body as ObserverEvent
}
