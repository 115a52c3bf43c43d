import type { Output } from '../io/output'
import { prettyJson } from '../io/pretty-json'

// Content types whose bodies are text: printed (pretty when JSON), with every line filtered.
const TEXT_TYPE = /^text\/|[/+](json|xml|yaml|x-ndjson)\b|javascript|x-www-form-urlencoded/i

/**
 * Writes a response body to stdout: text as a line (JSON pretty-printed unless `raw`; on a terminal,
 * control characters escaped), anything else (audio, a downloaded file) byte for byte, as `> file`
 * needs it, and never onto a terminal, where it would be noise the terminal might obey.
 */
export function printBody(bytes: Uint8Array, contentType: string, output: Output, raw: boolean): void {
  if (bytes.length === 0) return
  const received = textOf(bytes, contentType)
  if (received !== undefined) {
    // Escaped before formatting: the colours added afterwards are escape sequences of our own.
    const text = output.received(received)
    output.print(raw ? text : formatText(text, contentType, output))
  } else if (output.interactive)
    output.info(
      `(${bytes.length} bytes of ${contentType || 'binary data'}, not shown on a terminal: redirect stdout to a file to keep them)`,
    )
  // Not redacted: replacing bytes would corrupt the file, and binary content is no place for text secrets.
  else output.term.stdout.write(bytes)
}

/** The body as text, or undefined when it is binary (a non-text type, or no type and not UTF-8). */
function textOf(bytes: Uint8Array, contentType: string): string | undefined {
  if (TEXT_TYPE.test(contentType)) return new TextDecoder().decode(bytes)
  if (contentType !== '') return undefined
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

function formatText(text: string, contentType: string, output: Output): string {
  return /json/i.test(contentType) ? prettyJson(text, output.color) : text
}
