/** Waits `ms` milliseconds; rejects with the signal's reason as soon as `signal` aborts (the timer is cleared). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      },
      // NaN waits 0 and anything past the timer limit (MAX_TIMER_MS, written out: the SSE bundle
      // carries this file, not the policy's) is capped: an overflowing timer would fire at once.
      Math.min(Math.max(0, ms), 2_147_483_647) || 0,
    )
    signal?.addEventListener('abort', onAbort)
  })
}
