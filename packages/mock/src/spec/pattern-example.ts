/** The least number of times `?`, `*` and `+` repeat what they follow. */
const LEAST_REPEATS: Record<string, number> = { '?': 0, '*': 0, '+': 1 }

/** The example character for the escape `\c`: a digit, a word character, a space, else `c` itself. */
function escapeExample(c: string): string {
  if (c === 'd') return '1'
  if (c === 'w') return 'a'
  if (c === 's') return ' '
  return c
}

/** The first character a character class (its body, between the brackets) accepts. */
function classFirst(body: string): string {
  if (body.startsWith('^')) return 'a'
  const m = /^(\\d|\\w|[A-Za-z0-9])/.exec(body)
  if (!m) return body[0] === '\\' ? (body[1] ?? 'a') : (body[0] ?? 'a')
  return m[1]!.startsWith('\\') ? escapeExample(m[1]![1]!) : m[1]!
}

/** Reads a pattern left to right, building the shortest text each part of it accepts. */
class PatternReader {
  private i = 0

  constructor(private readonly src: string) {}

  /** The example for the whole pattern; anchors add nothing. */
  example(): string {
    let out = ''
    while (this.i < this.src.length) {
      const c = this.src[this.i]
      if (c === '^' || c === '$') {
        this.i++
        continue
      }
      out += this.piece()
    }
    return out
  }

  /** The atom at the cursor, repeated as few times as its quantifier allows. */
  private piece(): string {
    const a = this.atom()
    return a.repeat(this.leastRepeats())
  }

  /** The least count of the quantifier at the cursor (1 when there is none); moves past it. */
  private leastRepeats(): number {
    const c = this.src[this.i]
    const least = c === undefined ? undefined : LEAST_REPEATS[c]
    if (least !== undefined) {
      this.i++
      return least
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i))
      if (m) {
        this.i += m[0].length
        return Number(m[1])
      }
    }
    return 1
  }

  /** The example for the group, class, escape or character at the cursor; moves past it. */
  private atom(): string {
    const c = this.src[this.i]!
    if (c === '(') return this.group()
    if (c === '[') {
      const end = this.src.indexOf(']', this.i + 2)
      // Unclosed: not a pattern this reader can follow (the cursor must never move back).
      if (end < 0) throw new SyntaxError('unclosed character class')
      const body = this.src.slice(this.i + 1, end)
      this.i = end + 1
      return classFirst(body)
    }
    if (c === '\\') {
      const n = this.src[this.i + 1]!
      this.i += 2
      return escapeExample(n)
    }
    this.i++
    return c === '.' ? 'a' : c
  }

  /** The example for the first alternative of the group at the cursor; moves past the whole group. */
  private group(): string {
    this.i++
    if (this.src.startsWith('?:', this.i)) this.i += 2
    const alts: string[] = []
    let cur = ''
    while (this.i < this.src.length && this.src[this.i] !== ')') {
      if (this.src[this.i] === '|') {
        alts.push(cur)
        cur = ''
        this.i++
        continue
      }
      cur += this.piece()
    }
    this.i++
    alts.push(cur)
    return alts[0]!
  }
}

/**
 * Builds one string matching a simple regular expression (anchors, literals, escapes, character
 * classes, groups with alternatives, quantifiers): enough for the patterns API schemas use.
 * Returns undefined when the result does not actually match (the caller then leaves the value).
 */
export function exampleForPattern(pattern: string): string | undefined {
  try {
    const out = new PatternReader(pattern).example()
    return new RegExp(pattern).test(out) ? out : undefined
  } catch {
    return undefined
  }
}
