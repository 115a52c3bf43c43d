import { untilAborted } from './until-aborted'

/** Waits `ms` milliseconds; rejects with the signal's reason as soon as `signal` aborts (the timer is cleared). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const wait = new Promise<void>((resolve) => {
    // NaN waits 0 and anything past the timer limit (MAX_TIMER_MS, written out: the SSE bundle
    // carries this file, not the policy's) is capped: an overflowing timer would fire at once.
    timer = setTimeout(resolve, Math.min(Math.max(0, ms), 2_147_483_647) || 0)
  })
  return untilAborted(wait, signal).finally(() => clearTimeout(timer))
}
