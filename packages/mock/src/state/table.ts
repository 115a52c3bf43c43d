/** An insertion-ordered table of records keyed by id. */
export class Table<T extends Record<string, any>> {
  private readonly rows = new Map<string, T>()
  // Typed over any record, not T, so a Table<AgentRow> still passes where a Table<Row> is taken.
  private readonly keyOf: (row: Record<string, any>) => string

  /** A table holding `rows` (in order), keyed by their field `key` or by what `key` derives from a row. */
  constructor(rows: Iterable<T> = [], key: string | ((row: Record<string, any>) => string) = 'id') {
    this.keyOf = typeof key === 'string' ? (row) => String(row[key]) : key
    for (const row of rows) this.put(row)
  }

  /** Stores (or replaces) a record and returns it. */
  put(row: T): T {
    this.rows.set(this.keyOf(row), row)
    return row
  }

  /** The record with this id. */
  get(id: string): T | undefined {
    return this.rows.get(id)
  }

  /** Removes a record; true when it existed. */
  delete(id: string): boolean {
    return this.rows.delete(id)
  }

  /** Records matching `filter`, oldest first. */
  list(filter: (row: T) => boolean = () => true): T[] {
    return [...this.rows.values()].filter(filter)
  }

  /** Number of records. */
  get size(): number {
    return this.rows.size
  }
}
