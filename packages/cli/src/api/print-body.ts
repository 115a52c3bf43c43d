import type { Output } from '../io/output'
import { prettyJson } from '../io/pretty-json'

// Content types whose bodies are text: printed (pretty when JSON), with every line filtered.
const TEXT_TYPE = /^text\/|[/+](json|xml|yaml|x-ndjson)\b|javascript|x-www-form-urlencoded/i
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i

/**
 * Writes a response body to stdout. Text on a terminal is decoded with its charset, its control
 * characters escaped and JSON pretty-printed unless `raw`; to a pipe or file it goes as received
 * (not decoded, so a body in another charset than UTF-8 stays in it, nothing added), except JSON
 * pretty-printed without `raw`. Anything else (audio, a downloaded file) goes byte for byte, as
 * `> file` needs it, and never onto a terminal, where it would be noise the terminal might obey.
 */
export function printBody(bytes: Uint8Array, contentType: string, output: Output, raw: boolean): void {
  if (bytes.length === 0) return
  const json = /json/i.test(contentType)
  if (!isText(bytes, contentType)) printBinary(bytes, contentType, output)
  else if (!output.interactive && (raw || !json)) output.term.stdout.write(output.secrets.redactBytes(bytes))
  else {
    // Escaped before formatting: the colours added afterwards are escape sequences of our own.
    const text = output.received(decode(bytes, contentType))
    output.print(raw || !json ? text : prettyJson(text, output.color))
  }
}

function printBinary(bytes: Uint8Array, contentType: string, output: Output): void {
  if (output.interactive)
    output.info(
      `(${bytes.length} bytes of ${contentType || 'binary data'}, not shown on a terminal: redirect stdout to a file to keep them)`,
    )
  // Not redacted: replacing bytes would corrupt the file, and binary content is no place for text secrets.
  else output.term.stdout.write(bytes)
}

/** True for a text body: a text type, or no type and UTF-8. */
function isText(bytes: Uint8Array, contentType: string): boolean {
  if (TEXT_TYPE.test(contentType)) return true
  if (contentType !== '') return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** The body as text, decoded with its charset when there is one TextDecoder knows, else as UTF-8. */
function decode(bytes: Uint8Array, contentType: string): string {
  const charset = CHARSET.exec(contentType)?.[1]
  try {
    if (charset !== undefined) return new TextDecoder(charset).decode(bytes)
  } catch {
    // An unknown charset (RangeError): UTF-8 shows the most of it.
  }
  return new TextDecoder().decode(bytes)
}
