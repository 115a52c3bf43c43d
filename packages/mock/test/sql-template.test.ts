import { describe, expect, it } from 'vitest'
import { runQuery } from '../src/state/sql-template'

const orders = [
  { id: 1, status: 'open', total: 9.5, paid: false },
  { id: 2, status: 'closed', total: 20, paid: true },
  { id: 3, status: 'open', total: 12.25, paid: null },
  { id: 4, status: 'open', total: 3 },
]
const tables = new Map([
  ['orders', orders],
  ['empty', []],
])
const run = (sql: string, given: Record<string, unknown> = {}, parameters: unknown[] = [], limit = 100) =>
  runQuery({ sql_template: sql, parameters }, given, tables, limit)
const ids = (sql: string, given: Record<string, unknown> = {}) => {
  const res = run(sql, given)
  if ('error' in res) throw new Error(res.error)
  return res.rows.map((r) => r.id)
}

describe('runQuery', () => {
  it('checks inputs in parameter order: default, missing, declared type', () => {
    const params = [
      { name: 'status', type: 'string', default: 'open' },
      { name: 'since', type: 'date' },
      { name: 'n', type: 'integer', default: null },
    ]
    const sql = 'select id from custom.orders where status = :status'
    expect(run(sql, {}, params)).toEqual({ error: 'missing input: since' })
    expect(run(sql, { since: '2024-13' }, params)).toEqual({ error: 'input since must be of type date' })
    expect(run(sql, { since: '2024-01-02' }, params)).toEqual({ error: 'missing input: n' })
    expect(run(sql, { since: '2024-01-02', n: 1.5 }, params)).toEqual({
      error: 'input n must be of type integer',
    })
    expect(run(sql, { status: 3 }, params.slice(0, 1))).toEqual({
      error: 'input status must be of type string',
    })
    const ok = run(sql, { since: '2024-01-02', n: 1 }, [...params, { name: 'x', type: 'custom', default: 1 }])
    expect('error' in ok ? ok.error : ok.rows.map((r) => r.id)).toEqual([1, 3, 4])
  })

  it('refuses SQL outside the subset, unknown tables and unsupported conditions', () => {
    expect(run('delete from custom.orders')).toEqual({
      error: 'the mock only runs: select ... from custom.<table> [where ...] [limit n]',
    })
    expect(run('select * from custom.nope')).toEqual({ error: 'unknown table custom.nope' })
    expect(run('select * from custom.orders where status like :s and id = 1')).toEqual({
      error: 'unsupported condition: status like :s',
    })
  })

  it('compares with each operator against parameters and literals', () => {
    expect(ids("select * from custom.orders where status = 'open'")).toEqual([1, 3, 4])
    expect(ids('select * from custom.orders where status != open')).toEqual([2])
    expect(ids('select * from custom.orders where status <> :s', { s: 'closed' })).toEqual([1, 3, 4])
    expect(ids('select * from custom.orders where total > 9.5')).toEqual([2, 3])
    expect(ids('select * from custom.orders where total >= 9.5')).toEqual([1, 2, 3])
    expect(ids('select * from custom.orders where total < 10 AND id>1')).toEqual([4])
    expect(ids('select * from custom.orders where total <= -1')).toEqual([])
  })

  it('limits rows to the smaller of both limits, projects columns and types them from the rows', () => {
    expect(run('SELECT id, paid, missing FROM custom.ORDERS LIMIT 2;')).toEqual({
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'paid', type: 'boolean' },
        { name: 'missing', type: 'string' },
      ],
      rows: [
        { id: 1, paid: false, missing: null },
        { id: 2, paid: true, missing: null },
      ],
      truncated: true,
    })
    const all = run('select * from custom.orders limit 10', {}, [], 3)
    expect('error' in all ? all : all.columns).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'status', type: 'string' },
      { name: 'total', type: 'number' },
      { name: 'paid', type: 'boolean' },
    ])
    expect('error' in all ? all : [all.rows.length, all.truncated]).toEqual([3, true])
    expect(run('select * from custom.orders limit 0')).toMatchObject({ rows: [], truncated: true })
    expect(run('select * from custom.orders where id = 4')).toMatchObject({ truncated: false })
    expect(run('select * from custom.empty')).toEqual({ columns: [], rows: [], truncated: false })
  })
})
