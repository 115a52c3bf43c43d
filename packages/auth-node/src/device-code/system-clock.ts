import { sleep } from '@amigo-ai/core'
import type { DeviceCodeClock } from './types'

/** The real clock: `Date.now` and core's abortable `sleep`. */
export const systemClock: DeviceCodeClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, signal),
}
