/** One attempt's abort signal: fires on the caller's signal or on the attempt's timeout. */
export interface AttemptSignal {
  /** Undefined when there is neither a caller's signal nor a timeout. */
  signal: AbortSignal | undefined
  /** True once the timeout (not the caller) aborted the attempt. */
  readonly timedOut: boolean
  /** Stops the timer and unlinks from the caller's signal; call once the attempt is fully done. */
  dispose(): void
  /** Stops only the timer (a returned stream then lives on, still cancellable by the caller's signal). */
  stopTimer(): void
}

const noop = () => {}

/**
 * Links the caller's signal and a timeout into one signal, without AbortSignal.any/timeout (not in
 * every runtime we support). The timer is always cleared by dispose(), so nothing outlives the call.
 */
export function attemptSignal(
  userSignal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): AttemptSignal {
  // Without a timeout there is nothing to link: the caller's signal (or none) is used as is. A
  // controller per request, and the abort listeners fetch then hangs on its signal, cost about as
  // much client CPU as the rest of the transport together (bench: request overhead).
  if (timeoutMs === undefined) return { signal: userSignal, timedOut: false, stopTimer: noop, dispose: noop }
  const controller = new AbortController()
  let timedOut = false
  const onUserAbort = () => controller.abort(userSignal?.reason)
  if (userSignal?.aborted) onUserAbort()
  else userSignal?.addEventListener('abort', onUserAbort)
  // A caller's signal that had already aborted needs no timer.
  const timer = controller.signal.aborted
    ? undefined
    : setTimeout(() => {
        timedOut = true
        controller.abort(new DOMException(`timed out after ${timeoutMs}ms`, 'TimeoutError'))
      }, timeoutMs)
  const stopTimer = () => clearTimeout(timer)
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut
    },
    stopTimer,
    dispose() {
      stopTimer()
      userSignal?.removeEventListener('abort', onUserAbort)
    },
  }
}
