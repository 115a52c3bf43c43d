/** The encodings a JSON body may come in, named as TextDecoder and error messages name them. */
type JsonEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be'

/**
 * The encoding of a JSON body, found as Python's `json.loads` finds it for bytes (what FastAPI
 * parses a body with): by its byte order mark, else by where the first characters' zero bytes fall
 * (JSON text starts with an ASCII character), else UTF-8.
 */
function detectEncoding(b: Uint8Array): JsonEncoding {
  const starts = (...mark: number[]) => mark.every((byte, i) => b[i] === byte)
  if (starts(0x00, 0x00, 0xfe, 0xff)) return 'utf-32be'
  if (starts(0xff, 0xfe, 0x00, 0x00)) return 'utf-32le'
  if (starts(0xfe, 0xff)) return 'utf-16be'
  if (starts(0xff, 0xfe)) return 'utf-16le'
  if (b.length >= 4) {
    if (!b[0]) return b[1] ? 'utf-16be' : 'utf-32be'
    if (!b[1]) return b[2] || b[3] ? 'utf-16le' : 'utf-32le'
  } else if (b.length === 2) {
    if (!b[0]) return 'utf-16be'
    if (!b[1]) return 'utf-16le'
  }
  return 'utf-8'
}

/** UTF-32 text (TextDecoder has no UTF-32), its byte order mark dropped; undefined when not UTF-32. */
function decodeUtf32(b: Uint8Array, littleEndian: boolean): string | undefined {
  if (b.length % 4) return undefined
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  const points: number[] = []
  for (let i = 0; i < b.length; i += 4) {
    const point = view.getUint32(i, littleEndian)
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return undefined
    if (i > 0 || point !== 0xfeff) points.push(point)
  }
  let text = ''
  // In slices: String.fromCodePoint takes its points as arguments, and a call has a bounded number.
  for (let i = 0; i < points.length; i += 8192) text += String.fromCodePoint(...points.slice(i, i + 8192))
  return text
}

/**
 * A JSON body's bytes as text, decoded the way the API reads them: UTF-8 (a byte order mark
 * before it dropped), or UTF-16 or UTF-32 told by their byte order mark or zero bytes. Bytes that
 * are not valid in that encoding give the encoding's name instead: read with replacement
 * characters, they would be stored changed.
 */
export function decodeJsonBytes(b: Uint8Array): { ok: true; text: string } | { ok: false; encoding: string } {
  const encoding = detectEncoding(b)
  const name = encoding.toUpperCase().replace(/(LE|BE)$/, '')
  if (encoding === 'utf-32le' || encoding === 'utf-32be') {
    const text = decodeUtf32(b, encoding === 'utf-32le')
    return text === undefined ? { ok: false, encoding: name } : { ok: true, text }
  }
  try {
    // fatal: refuse invalid bytes rather than replace them; the byte order mark is dropped.
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(b) }
  } catch {
    return { ok: false, encoding: name }
  }
}
