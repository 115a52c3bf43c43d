import { isUtf8 } from 'node:buffer'
import { redactSecrets, secretForms } from '@amigo-ai/core'
import { printable } from './printable'

/**
 * `secret` as it may appear in what the CLI prints: as it is, inside JSON text (a server's body, an
 * event line: `"` and control characters escaped), either of those with its control characters
 * shown as `\xNN` (text escaped for a terminal before it reached the writer), and percent-encoded.
 */
function shownForms(secret: string): string[] {
  const escaped = [secret, JSON.stringify(secret).slice(1, -1)].flatMap((s) => [
    s,
    printable(s),
    printable(s, true),
  ])
  return [...escaped, ...secretForms([secret])]
}

/**
 * `text` as UTF-16 bytes, little- and big-endian, each byte one Latin-1 character: the form a text
 * body in UTF-16 (`charset=utf-16le`) carries it in, searched for byte by byte.
 */
function wideForms(text: string): [little: string, big: string] {
  const little = Buffer.from(text, 'utf16le')
  return [little.toString('latin1'), Buffer.from(little).swap16().toString('latin1')]
}

const WIDE_REDACTED = wideForms('[REDACTED]')

/**
 * Every secret one run of the CLI has seen (API key, tokens, webhook secrets), each in every form the
 * CLI may show it in. Whatever the run prints passes through `redact` (stderr) or `redactKnown`
 * (stdout), so none of them can reach the terminal or a log, even inside an error message, a
 * handler's echoed body or a JSON line. One per run (made by src/program.ts for the command that runs),
 * so what one run saw never changes what another prints.
 */
export class Secrets {
  // Longest first: a secret inside a longer one must not be replaced first, leaving the rest of that
  // one shown. None shorter than 4 characters, as core's redactSecrets: those would replace ordinary
  // words.
  readonly #known: string[] = []
  // Each form of #known in UTF-16 (little- then big-endian), with what replaces it, longest first.
  readonly #wide: Array<[string, string]> = []

  /** Registers values that must never be printed. Empty and missing values are ignored. */
  remember(...values: (string | undefined)[]): void {
    const known = this.#known
    for (const v of values)
      if (typeof v === 'string' && v.length > 0)
        for (const form of shownForms(v))
          if (form.length >= 4 && !known.includes(form)) {
            known.push(form)
            const [little, big] = wideForms(form)
            this.#wide.push([little, WIDE_REDACTED[0]], [big, WIDE_REDACTED[1]])
          }
    known.sort((a, b) => b.length - a.length)
    this.#wide.sort((a, b) => b[0].length - a[0].length)
  }

  /**
   * `text` with every remembered secret and every `Bearer <token>` replaced by `[REDACTED]`: for what
   * the CLI says on stderr (messages, errors, --debug), where a credential it never saw, such as one
   * a server quotes in an error, must not show either.
   */
  redact(text: string): string {
    return this.#known.length === 0 && !/bearer/i.test(text) ? text : redactSecrets(text, this.#known)
  }

  /**
   * `text` with every remembered secret replaced by `[REDACTED]`, and nothing else: for stdout, which
   * carries data (bodies, events) a program reads. The `Bearer <token>` pattern would alter it
   * ("paid to bearer on demand", or a JSON string ending `Bearer abc\"` left unterminated).
   */
  redactKnown(text: string): string {
    let out = text
    for (const secret of this.#known) out = out.replaceAll(secret, '[REDACTED]')
    return out
  }

  /**
   * `bytes` (a body written as received) with every remembered secret replaced (see redactKnown),
   * without decoding them as anything they are not: UTF-8 as UTF-8, anything else byte by byte
   * (Latin-1), so every byte that is no secret comes out as it went in. Then the secrets' UTF-16
   * bytes are replaced too, also byte by byte: a body in UTF-16 (whatever charset it declares) holds
   * a secret in neither of those forms.
   */
  redactBytes(bytes: Uint8Array): Uint8Array {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const encoding = isUtf8(buffer) ? 'utf8' : 'latin1'
    const text = buffer.toString(encoding)
    const clean = this.redactKnown(text)
    return this.#redactWide(clean === text ? buffer : Buffer.from(clean, encoding))
  }

  #redactWide(buffer: Buffer): Buffer {
    const bytes = buffer.toString('latin1')
    let out = bytes
    for (const [secret, replacement] of this.#wide) out = out.replaceAll(secret, replacement)
    return out === bytes ? buffer : Buffer.from(out, 'latin1')
  }
}
