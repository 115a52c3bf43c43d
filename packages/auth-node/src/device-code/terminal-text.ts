// C0 and C1 control characters (ESC, BEL, CR, ...), except tab and newline: server-provided text
// printed to a terminal must not be able to move the cursor, rewrite lines or open hyperlinks.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/** `value` with terminal control characters removed (text from the identity service is untrusted). */
export function printable(value: string): string {
  return value.replace(CONTROL, '')
}
