import type { DeviceCodeClock } from '../../src/device-code/types'

/** A clock whose sleeps advance virtual time at once (recording each wait) and honour abort. */
export interface FakeClock extends DeviceCodeClock {
  /** Every sleep requested, in ms, in order. */
  sleeps: number[]
  /** Moves virtual time forward. */
  advance(ms: number): void
}

/** Creates a fake clock starting at `start` ms. */
export function fakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let now = start
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => now,
    advance(ms) {
      now += ms
    },
    sleep(ms, signal) {
      sleeps.push(ms)
      if (signal?.aborted) return Promise.reject(signal.reason)
      now += ms
      // Yield to the event loop so the server and other tasks make progress, as a real wait would.
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          clearImmediate(handle)
          reject(signal?.reason)
        }
        const handle = setImmediate(() => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        })
        signal?.addEventListener('abort', onAbort, { once: true })
      })
    },
  }
}
