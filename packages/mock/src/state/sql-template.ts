type Row = Record<string, any>

const TYPES: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  timestamp: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
}

/**
 * Runs a tiny subset of SQL against the mock's `custom.<table>` rows:
 * `select <cols|*> from custom.<table> [where <col> <op> :param|literal [and ...]] [limit n]`.
 * Parameters are checked against the query's declared types. Enough for demos and tests.
 */
export function runQuery(
  query: Row,
  given: Record<string, unknown>,
  tables: Map<string, Row[]>,
  limit: number,
): { columns: Array<{ name: string; type: string }>; rows: Row[]; truncated: boolean } | { error: string } {
  // A parameter's declared `default` stands in for a missing input.
  const input: Record<string, unknown> = { ...given }
  for (const p of (query.parameters ?? []) as Row[]) {
    if (input[p.name] === undefined && p.default !== undefined && p.default !== null)
      input[p.name] = p.default
    const v = input[p.name]
    if (v === undefined) return { error: `missing input: ${p.name}` }
    if (TYPES[p.type] && !TYPES[p.type]!(v)) return { error: `input ${p.name} must be of type ${p.type}` }
  }
  const sql = String(query.sql_template).trim().replace(/;$/, '')
  const m = /^select\s+(.+?)\s+from\s+custom\.(\w+)(?:\s+where\s+(.+?))?(?:\s+limit\s+(\d+))?$/i.exec(sql)
  if (!m) return { error: 'the mock only runs: select ... from custom.<table> [where ...] [limit n]' }
  const [, cols, table, where, lim] = m
  const source = tables.get(table!.toLowerCase())
  if (!source) return { error: `unknown table custom.${table}` }
  const value = (token: string): unknown => {
    if (token.startsWith(':')) return input[token.slice(1)]
    if (/^'.*'$/.test(token)) return token.slice(1, -1)
    if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token)
    return token
  }
  let conditions: Array<{ col: string; op: string; val: unknown }>
  try {
    conditions = where
      ? where.split(/\s+and\s+/i).map((c) => {
          const cm = /^(\w+)\s*(=|!=|<>|>=|<=|>|<)\s*(\S+)$/.exec(c.trim())
          if (!cm) throw new Error(`unsupported condition: ${c}`)
          return { col: cm[1]!, op: cm[2]!, val: value(cm[3]!) }
        })
      : []
  } catch (e) {
    return { error: (e as Error).message }
  }
  const cmp = (a: any, op: string, b: any) =>
    op === '='
      ? a === b
      : op === '!=' || op === '<>'
        ? a !== b
        : op === '>'
          ? a > b
          : op === '<'
            ? a < b
            : op === '>='
              ? a >= b
              : a <= b
  let rows = source.filter((r) => conditions.every((c) => cmp(r[c.col], c.op, c.val)))
  const max = Math.min(limit, lim ? Number(lim) : Number.POSITIVE_INFINITY)
  const truncated = rows.length > max
  rows = rows.slice(0, max)
  const names = cols!.trim() === '*' ? Object.keys(source[0] ?? {}) : cols!.split(',').map((c) => c.trim())
  const projected = rows.map((r) => Object.fromEntries(names.map((n) => [n, r[n] ?? null])))
  const typeOf = (n: string) => {
    const v = source.find((r) => r[n] !== undefined && r[n] !== null)?.[n]
    return typeof v === 'number'
      ? Number.isInteger(v)
        ? 'integer'
        : 'number'
      : typeof v === 'boolean'
        ? 'boolean'
        : 'string'
  }
  return { columns: names.map((name) => ({ name, type: typeOf(name) })), rows: projected, truncated }
}
