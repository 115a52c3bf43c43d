// Text from outside (a server's body, a handler's answer, an error message) on generated strings:
// on a terminal no C0 or C1 control character reaches it but line breaks and tabs (the others are
// shown as `\xNN`, a carriage return as a space), nor a bidirectional control (shown as `\uNNNN`),
// and to a pipe the text goes byte for byte.
import { PassThrough } from 'node:stream'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { printBody } from '../src/api/print-body'
import { CliError } from '../src/errors/cli-error'
import { reportError } from '../src/errors/report-error'
import { Output, type Terminal } from '../src/io/output'

// The bidirectional marks, overrides and isolates (a terminal laying out right-to-left text would
// show the line in another order): shown as `\uNNNN` like the controls.
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069'
const CONTROL_BUT_LAYOUT = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${BIDI}]`)
const CONTROL = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI}]`)
// Our own colours: the only escape sequences the CLI writes into text it shows.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const OUR_COLOURS = /\u001b\[\d+m/g

/** A terminal (or not) whose stdout and stderr are collected as bytes. */
function fakeTerminal(tty: boolean) {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty })
  const stderr = Object.assign(new PassThrough(), { isTTY: tty })
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] }
  stdout.on('data', (c: Buffer) => chunks.stdout.push(c))
  stderr.on('data', (c: Buffer) => chunks.stderr.push(c))
  const term: Terminal = { stdout, stderr, stdin: new PassThrough(), env: {} }
  return {
    term,
    stdout: () => Buffer.concat(chunks.stdout),
    stderr: () => Buffer.concat(chunks.stderr).toString('utf8'),
  }
}

// Text a hostile server might send: escape sequences, every control character, any code point.
const hostile = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
      fc.constantFrom(
        '\u001b[2J',
        '\u001b]0;owned\u0007',
        '\u001b]8;;http://x\u001b\\',
        '\u009b31m',
        '\u009d0;t\u009c',
        '\r\n',
        '\u0085',
        '\u2028',
        '\ud800',
        'https://example.com/\u202egnp.exe',
        '\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u202a\u202b\u202c\u202d',
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''))
  // The stderr filter rightly replaces `Bearer <token>` (stdout's does not: api.test.ts); that is not
  // what is tested here.
  .filter((s) => !/bearer/i.test(s))

/**
 * What the README promises a terminal shows for `text`: controls as `\xNN`, bidirectional controls
 * as `\uNNNN`, `\r` as a space.
 */
const shown = (text: string) =>
  [...text]
    .map((ch) => {
      if (ch === '\n' || ch === '\t' || !CONTROL_BUT_LAYOUT.test(ch)) return ch
      if (ch === '\r') return ' '
      const code = ch.charCodeAt(0)
      return code < 0x100
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : `\\u${code.toString(16).padStart(4, '0')}`
    })
    .join('')

describe('Output.received', () => {
  it('on a terminal: no control character but \\n and \\t, every other one shown; to a pipe: unchanged', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const onTerminal = new Output(fakeTerminal(true).term).received(text)
        expect(onTerminal).not.toMatch(CONTROL_BUT_LAYOUT)
        expect(onTerminal).toBe(shown(text))
        expect(new Output(fakeTerminal(false).term).received(text)).toBe(text)
      }),
      { numRuns: 300 },
    )
  })
})

describe('amigo api: a text body on stdout', () => {
  const types = fc.constantFrom(
    'text/plain',
    'application/json',
    'application/problem+json',
    'text/html; charset=utf-8',
  )

  it('on a terminal carries no control character but \\n, \\t and our colours', () => {
    fc.assert(
      fc.property(hostile, types, fc.boolean(), (text, type, raw) => {
        fc.pre(text.length > 0)
        const t = fakeTerminal(true)
        printBody(Buffer.from(text), type, new Output(t.term), raw)
        const written = t.stdout().toString('utf8')
        expect(written.endsWith('\n')).toBe(true)
        expect(written.replace(OUR_COLOURS, '')).not.toMatch(CONTROL_BUT_LAYOUT)
      }),
      { numRuns: 300 },
    )
  })

  it('to a pipe, with --json, is the bytes received, nothing added', () => {
    fc.assert(
      fc.property(hostile, types, (text, type) => {
        const bytes = Buffer.from(text)
        fc.pre(bytes.length > 0)
        const t = fakeTerminal(false)
        printBody(bytes, type, new Output(t.term), true)
        expect(t.stdout().equals(bytes)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

describe('error lines on stderr', () => {
  it('are one `error:` line and one `hint:` line, with no control character, whatever the message', () => {
    fc.assert(
      fc.property(hostile, hostile, fc.boolean(), fc.boolean(), (message, hint, tty, ours) => {
        const t = fakeTerminal(tty)
        const error = ours ? new CliError(message, { hint: hint || 'h' }) : new Error(message)
        reportError(error, t.term, false)
        const lines = t.stderr().replace(OUR_COLOURS, '').split('\n')
        expect(lines).toHaveLength(3)
        expect(lines[0]).toMatch(/^error: /)
        expect(lines[1]).toMatch(/^hint: /)
        expect(lines[2]).toBe('')
        for (const line of lines) expect(line).not.toMatch(CONTROL)
      }),
      { numRuns: 300 },
    )
  })
})
