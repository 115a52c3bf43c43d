/**
 * A `device_code` value quoted after its name (`"device_code": "…"`, `device_code=…`): in JSON cut
 * off partway, or a page or form text. Quoted values may hold escaped quotes or be cut off themselves.
 */
const QUOTED_DEVICE_CODE = /(device_code["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"?|'[^']*'?|[^\s"'&,;<>}]+)/gi

/**
 * `text` (an identity answer that is not JSON) with every device code it quotes replaced by
 * `[REDACTED]`: the code polls for the user's token, and a body that cannot be parsed gives no other
 * way to tell which string is the code.
 */
export function redactQuotedDeviceCode(text: string): string {
  return text.replace(QUOTED_DEVICE_CODE, '$1[REDACTED]')
}
