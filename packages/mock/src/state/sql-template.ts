type Row = Record<string, any>

const TYPES: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  timestamp: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
}

/** One `where` condition: a column compared with a value. */
interface Condition {
  col: string
  op: string
  val: unknown
}

/** The parts of a `select` the mock runs. */
interface Select {
  cols: string
  table: string
  where: string | undefined
  limit: number | undefined
}

/** The inputs, each checked by its declared type; a parameter's `default` stands in for a missing one. */
function bindInputs(parameters: Row[], given: Record<string, unknown>): { input: Row } | { error: string } {
  const input: Record<string, unknown> = { ...given }
  for (const p of parameters) {
    if (input[p.name] === undefined && p.default !== undefined && p.default !== null)
      input[p.name] = p.default
    const v = input[p.name]
    if (v === undefined) return { error: `missing input: ${p.name}` }
    if (TYPES[p.type] && !TYPES[p.type]!(v)) return { error: `input ${p.name} must be of type ${p.type}` }
  }
  return { input }
}

/** The parts of `select <cols> from custom.<table> [where ...] [limit n]`; undefined for any other SQL. */
function parseSelect(template: unknown): Select | undefined {
  const sql = String(template).trim().replace(/;$/, '')
  const m = /^select\s+(.+?)\s+from\s+custom\.(\w+)(?:\s+where\s+(.+?))?(?:\s+limit\s+(\d+))?$/i.exec(sql)
  if (!m) return undefined
  return { cols: m[1]!, table: m[2]!, where: m[3], limit: m[4] ? Number(m[4]) : undefined }
}

/** The value a condition's right side names: a `:param` input, a quoted string, a number, else the word. */
function operand(token: string, input: Row): unknown {
  if (token.startsWith(':')) return input[token.slice(1)]
  if (/^'.*'$/.test(token)) return token.slice(1, -1)
  if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token)
  return token
}

/** The `and`-joined conditions of a `where` clause (none without one), or the first one not understood. */
function parseConditions(
  where: string | undefined,
  input: Row,
): { conditions: Condition[] } | { error: string } {
  const conditions: Condition[] = []
  for (const c of where ? where.split(/\s+and\s+/i) : []) {
    const cm = /^(\w+)\s*(=|!=|<>|>=|<=|>|<)\s*(\S+)$/.exec(c.trim())
    if (!cm) return { error: `unsupported condition: ${c}` }
    conditions.push({ col: cm[1]!, op: cm[2]!, val: operand(cm[3]!, input) })
  }
  return { conditions }
}

/** True when `a op b` holds. */
function compare(a: any, op: string, b: any): boolean {
  if (op === '=') return a === b
  if (op === '!=' || op === '<>') return a !== b
  if (op === '>') return a > b
  if (op === '<') return a < b
  if (op === '>=') return a >= b
  return a <= b
}

/** A column's type as its first non-null value in the table shows it (`string` when there is none). */
function columnType(source: Row[], name: string): string {
  const v = source.find((r) => r[name] !== undefined && r[name] !== null)?.[name]
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  return typeof v === 'boolean' ? 'boolean' : 'string'
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
  const bound = bindInputs((query.parameters ?? []) as Row[], given)
  if ('error' in bound) return bound
  const select = parseSelect(query.sql_template)
  if (!select) return { error: 'the mock only runs: select ... from custom.<table> [where ...] [limit n]' }
  const source = tables.get(select.table.toLowerCase())
  if (!source) return { error: `unknown table custom.${select.table}` }
  const parsed = parseConditions(select.where, bound.input)
  if ('error' in parsed) return parsed
  const rows = source.filter((r) => parsed.conditions.every((c) => compare(r[c.col], c.op, c.val)))
  const max = Math.min(limit, select.limit ?? Number.POSITIVE_INFINITY)
  const names =
    select.cols.trim() === '*' ? Object.keys(source[0] ?? {}) : select.cols.split(',').map((c) => c.trim())
  return {
    columns: names.map((name) => ({ name, type: columnType(source, name) })),
    rows: rows.slice(0, max).map((r) => Object.fromEntries(names.map((n) => [n, r[n] ?? null]))),
    truncated: rows.length > max,
  }
}
