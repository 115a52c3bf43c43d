/**
 * Deepest nesting of arrays and objects the mock reads from a request body. Stored values are
 * cloned, compared and serialized by recursive code (structuredClone, JSON.stringify, Ajv), which
 * overflows the stack somewhere past ten thousand levels; well below that, and no JSON an API
 * client sends comes near it.
 */
const MAX_JSON_DEPTH = 1000

/** The offset where `text` opens its `max + 1`th nested array or object, or -1 when it stays within. */
function tooDeepAt(text: string, max = MAX_JSON_DEPTH): number {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: the next character is escaped
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return -1
}

/**
 * Drops a `__proto__` key wherever it stands. No Amigo schema has such a field, so the API ignores it
 * as any unknown field; kept, it would become a prototype wherever the handlers copy a body onto a
 * stored row (`Object.assign`, `row[k] = v`).
 */
const withoutProtoKeys = (key: string, value: unknown) => (key === '__proto__' ? undefined : value)

/** `text` parsed, or the reason it cannot be read (not JSON, or nested past MAX_JSON_DEPTH) and where. */
export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; at: number; reason: string } {
  const deep = tooDeepAt(text)
  if (deep >= 0) return { ok: false, at: deep, reason: `nested deeper than ${MAX_JSON_DEPTH} levels` }
  try {
    return { ok: true, value: JSON.parse(text, withoutProtoKeys) }
  } catch (e) {
    // The engine's message can quote the text (V8: `Unexpected token 'w', "whsec_abcd"... is not
    // valid JSON`), and a body may carry a secret: only the position it names is kept.
    const position = /at position (\d+)/.exec((e as Error).message)?.[1]
    return {
      ok: false,
      at: 0,
      reason: position ? `not valid JSON at position ${position}` : 'not valid JSON',
    }
  }
}
