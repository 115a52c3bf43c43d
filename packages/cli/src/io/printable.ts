// Control characters (ESC starts the terminal's escape sequences), DEL and the C1 controls; and the
// bidirectional marks, overrides and isolates, with which a terminal that lays out right-to-left
// text shows a line in another order than it was sent (a URL or command reading as another).
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069'
const CONTROL = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI}]`, 'g')
const CONTROL_BUT_LAYOUT = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${BIDI}]`, 'g')

// What JSON.stringify leaves as it is and a terminal may obey: DEL, the C1 controls, the bidi controls.
const UNSAFE_IN_JSON = new RegExp(`[\\u007f-\\u009f${BIDI}]`, 'g')

/**
 * A JSON string literal (as JSON.stringify writes one) with DEL, the C1 controls and the
 * bidirectional controls written as `\uNNNN` escapes too: the same value, still valid JSON, and
 * nothing in it a terminal obeys.
 */
export const jsonEscaped = (literal: string): string =>
  literal.replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)

/** `\xNN` for a character below U+0100, `\uNNNN` above. */
const escaped = (ch: string) => {
  const code = ch.charCodeAt(0)
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`
}

/**
 * `text` from outside (a server's error message, an event type, a sign-in code) made safe to show
 * on a terminal, which would otherwise obey the escape sequences a hostile server put in it (clear
 * the screen, retitle the window, hide text). Tabs and line breaks become spaces, so a line stays
 * one line (`keepLines` keeps tabs and `\n`, for text laid out in lines); a carriage return, which
 * would let a line overwrite itself, becomes a space either way; every other control character is
 * shown as `\xNN` (a bidirectional control as `\uNNNN`).
 */
export function printable(text: string, keepLines = false): string {
  return text.replace(keepLines ? CONTROL_BUT_LAYOUT : CONTROL, (ch) =>
    ch === '\t' || ch === '\n' || ch === '\r' ? ' ' : escaped(ch),
  )
}
