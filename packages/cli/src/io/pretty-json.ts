import type { Colors } from './colors'

// One token of JSON.stringify's output: a string (and whether a colon follows, making it a key),
// a literal, or a number.
const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g

/** `value` as indented JSON, keys, strings, numbers and literals coloured when `c` colours. */
export function prettyJson(value: unknown, c: Colors): string {
  const text = JSON.stringify(value, null, 2) ?? 'undefined'
  if (!c.isColorSupported) return text
  return text.replace(TOKEN, (match, str: string, colon: string, literal: string, num: string) => {
    if (str) return colon ? `${c.blue(str)}${colon}` : c.green(str)
    if (literal) return c.magenta(literal)
    if (num) return c.yellow(num)
    return match
  })
}
