/** An insertion-ordered table of records keyed by id. */
export class Table<T extends Record<string, any>> {
  private readonly rows = new Map<string, T>()

  /** A table holding `rows` (in order), keyed by their `idField`. */
  constructor(
    rows: Iterable<T> = [],
    private readonly idField: string = 'id',
  ) {
    for (const row of rows) this.put(row)
  }

  /** Stores (or replaces) a record and returns it. */
  put(row: T): T {
    this.rows.set(String(row[this.idField]), row)
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
