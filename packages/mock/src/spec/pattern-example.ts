/**
 * Builds one string matching a simple regular expression (anchors, literals, escapes, character
 * classes, groups with alternatives, quantifiers): enough for the patterns API schemas use.
 * Returns undefined when the result does not actually match (the caller then leaves the value).
 */
export function exampleForPattern(pattern: string): string | undefined {
  let i = 0
  const src = pattern

  const classFirst = (body: string): string => {
    if (body.startsWith('^')) return 'a'
    const m = /^(\\d|\\w|[A-Za-z0-9])/.exec(body.replace(/^\\/, '\\'))
    if (!m) return body[0] === '\\' ? (body[1] ?? 'a') : (body[0] ?? 'a')
    if (m[1] === '\\d') return '1'
    if (m[1] === '\\w') return 'a'
    return m[1]!
  }

  const quant = (): [number, number] => {
    const simple: Record<string, [number, number]> = { '?': [0, 1], '*': [0, Infinity], '+': [1, Infinity] }
    const c = src[i]
    if (c !== undefined && simple[c]) {
      i++
      return simple[c]
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i))
      if (m) {
        i += m[0].length
        return [Number(m[1]), m[2] ? (m[3] ? Number(m[3]) : Infinity) : Number(m[1])]
      }
    }
    return [1, 1]
  }

  const atom = (): string => {
    const c = src[i]!
    if (c === '(') {
      i++
      if (src.startsWith('?:', i)) i += 2
      const alts: string[] = []
      let cur = ''
      while (i < src.length && src[i] !== ')') {
        if (src[i] === '|') {
          alts.push(cur)
          cur = ''
          i++
          continue
        }
        cur += piece()
      }
      i++
      alts.push(cur)
      return alts[0]!
    }
    if (c === '[') {
      const end = src.indexOf(']', i + 2)
      const body = src.slice(i + 1, end)
      i = end + 1
      return classFirst(body)
    }
    if (c === '\\') {
      const n = src[i + 1]!
      i += 2
      if (n === 'd') return '1'
      if (n === 'w') return 'a'
      if (n === 's') return ' '
      return n
    }
    i++
    if (c === '.') return 'a'
    return c
  }

  const piece = (): string => {
    const a = atom()
    const [min] = quant()
    return a.repeat(Math.max(min, 0))
  }

  let out = ''
  try {
    while (i < src.length) {
      const c = src[i]
      if (c === '^' || c === '$') {
        i++
        continue
      }
      out += piece()
    }
    return new RegExp(pattern).test(out) ? out : undefined
  } catch {
    return undefined
  }
}
