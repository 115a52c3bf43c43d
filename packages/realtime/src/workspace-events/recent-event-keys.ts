/**
 * Remembers the identity of the last `capacity` events so a replay after reconnect (the server
 * resends from `Last-Event-ID`, and ids are millisecond timestamps that may repeat) is delivered once.
 * The key is id + type + a hash of the data: two different events that share a millisecond both pass.
 */
export class RecentEventKeys {
  private readonly keys = new Set<string>()
  private readonly order: string[] = []
  private head = 0

  constructor(private readonly capacity = 4096) {}

  /** Records the event; returns false when it was already seen. */
  add(id: string, type: string | undefined, data: string): boolean {
    const key = `${id}\u0000${type ?? ''}\u0000${data.length}:${hash(data)}`
    if (this.keys.has(key)) return false
    this.keys.add(key)
    if (this.order.length < this.capacity) this.order.push(key)
    else {
      this.keys.delete(this.order[this.head]!)
      this.order[this.head] = key
      this.head = (this.head + 1) % this.capacity
    }
    return true
  }
}

// FNV-1a (32-bit); only needs to separate different payloads that share an id.
function hash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36)
}
