/** A small seeded PRNG (mulberry32): the same seed always gives the same sequence. */
export class Random {
  private s: number

  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9
  }

  /** A float in [0, 1). */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0
    let t = this.s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }

  /** `n` hex digits. */
  hex(n: number): string {
    let out = ''
    for (let i = 0; i < n; i++) out += Math.floor(this.next() * 16).toString(16)
    return out
  }

  /** A version-4 shaped UUID. */
  uuid(): string {
    const h = this.hex(32).split('')
    h[12] = '4'
    h[16] = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)
    const s = h.join('')
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
  }
}
