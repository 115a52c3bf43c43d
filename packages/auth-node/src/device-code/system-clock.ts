import { sleep } from '@amigo-ai/core'
import type { Clock } from './types'

/** The real clock: `Date.now` and core's abortable `sleep`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, signal),
}
