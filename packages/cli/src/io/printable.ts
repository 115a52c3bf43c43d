// Control characters (ESC starts the terminal's escape sequences), DEL and the C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/**
 * `text` from outside (a server's error message, an event type, a sign-in code) made safe to show
 * on a terminal, which would otherwise obey the escape sequences a hostile server put in it (clear
 * the screen, retitle the window, hide text). Tabs and line breaks become spaces, so a line stays
 * one line (`keepLines` keeps tabs and `\n`, for text laid out in lines); a carriage return, which
 * would let a line overwrite itself, becomes a space either way; every other control character is
 * shown as `\xNN`.
 */
export function printable(text: string, keepLines = false): string {
  return text.replace(keepLines ? CONTROL_BUT_LAYOUT : CONTROL, (ch) =>
    ch === '\t' || ch === '\n' || ch === '\r' ? ' ' : `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
  )
}
