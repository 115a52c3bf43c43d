// C0 and C1 control characters (ESC, BEL, CR, ...), except tab and newline: server-provided text
// printed to a terminal must not be able to move the cursor, rewrite lines or open hyperlinks. Nor,
// with the bidirectional marks, overrides and isolates, show a sign-in page's address or a workspace
// name in another order than it was sent, on a terminal that lays out right-to-left text.
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** `value` with terminal control characters removed (text from the identity service is untrusted). */
export function printable(value: string): string {
  return value.replace(CONTROL, '')
}
