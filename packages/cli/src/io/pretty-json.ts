import type { Colors } from './colors'
import { jsonEscaped } from './printable'

// One token of JSON.stringify's output: a string (and whether a colon follows, making it a key),
// a literal, or a number.
const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g

// One lexeme of valid JSON text, after any whitespace: a string, a bracket, a comma or colon, or a
// number or literal.
const LEXEME = /\s*("(?:\\.|[^"\\])*"|[{}[\],:]|[^\s{}[\],:"]+)/gy

// Deeper than this, the indentation alone would outgrow the text (and, thousands of levels deep,
// the longest string there can be): such JSON is printed as it came.
const MAX_DEPTH = 100

/**
 * JSON `text` indented as `JSON.stringify(value, null, 2)` would, keys, strings, numbers and
 * literals coloured when `c` colours; text that is not JSON, or nested deeper than MAX_DEPTH, comes
 * back unchanged. Numbers keep the digits they were sent with: parsed, an id above 2^53 or a decimal
 * like 1.10 would change.
 */
export function prettyJson(text: string, c: Colors): string {
  try {
    JSON.parse(text)
    const indented = reindent(text)
    return indented === undefined ? text : colored(indented, c)
  } catch {
    // Not JSON, or too large to lay out (a RangeError): shown as it came rather than not at all.
    return text
  }
}

function colored(indented: string, c: Colors): string {
  if (!c.isColorSupported) return indented
  return indented.replace(TOKEN, (match, str: string, colon: string, literal: string, num: string) => {
    if (str) return colon ? `${c.blue(str)}${colon}` : c.green(str)
    if (literal) return c.magenta(literal)
    if (num) return c.yellow(num)
    return match
  })
}

/**
 * Valid JSON text laid out two spaces per level, strings as JSON.stringify writes them (with what a
 * terminal would obey escaped, see jsonEscaped); undefined when it is nested deeper than MAX_DEPTH.
 */
function reindent(text: string): string | undefined {
  let out = ''
  let depth = 0
  // The previous lexeme opened an object or array: `{}` and `[]` stay on one line.
  let opened = false
  for (const [, lexeme] of text.matchAll(LEXEME)) {
    const token = lexeme as string
    const closes = token === '}' || token === ']'
    if (closes) depth--
    if (opened && !closes) out += newline(depth)
    else if (closes && !opened) out += newline(depth)
    opened = token === '{' || token === '['
    if (opened && ++depth > MAX_DEPTH) return undefined
    if (token === ',') out += `,${newline(depth)}`
    else if (token === ':') out += ': '
    // Re-written as JSON.stringify writes it, which turns an escape such as `\u202e` back into its
    // character: jsonEscaped writes those a terminal would obey as escapes again.
    else out += token.startsWith('"') ? jsonEscaped(JSON.stringify(JSON.parse(token))) : token
  }
  return out
}

const newline = (depth: number) => `\n${'  '.repeat(depth)}`
