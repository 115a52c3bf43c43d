import type { Colors } from './colors'

// One token of JSON.stringify's output: a string (and whether a colon follows, making it a key),
// a literal, or a number.
const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g

// One lexeme of valid JSON text, after any whitespace: a string, a bracket, a comma or colon, or a
// number or literal.
const LEXEME = /\s*("(?:\\.|[^"\\])*"|[{}[\],:]|[^\s{}[\],:"]+)/gy

/**
 * JSON `text` indented as `JSON.stringify(value, null, 2)` would, keys, strings, numbers and
 * literals coloured when `c` colours; text that is not JSON comes back unchanged. Numbers keep
 * the digits they were sent with: parsed, an id above 2^53 or a decimal like 1.10 would change.
 */
export function prettyJson(text: string, c: Colors): string {
  try {
    JSON.parse(text)
  } catch {
    return text
  }
  const indented = reindent(text)
  if (!c.isColorSupported) return indented
  return indented.replace(TOKEN, (match, str: string, colon: string, literal: string, num: string) => {
    if (str) return colon ? `${c.blue(str)}${colon}` : c.green(str)
    if (literal) return c.magenta(literal)
    if (num) return c.yellow(num)
    return match
  })
}

/** Valid JSON text laid out two spaces per level; strings as JSON.stringify writes them. */
function reindent(text: string): string {
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
    if (opened) depth++
    if (token === ',') out += `,${newline(depth)}`
    else if (token === ':') out += ': '
    else out += token.startsWith('"') ? JSON.stringify(JSON.parse(token)) : token
  }
  return out
}

const newline = (depth: number) => `\n${'  '.repeat(depth)}`
