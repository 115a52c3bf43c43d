/**
 * `value`, or a rejection with the signal's reason as soon as `signal` aborts first: a wait (a token
 * getter, a hook, a retry's pause) that never settles must not outlast the call it belongs to.
 */
export const untilAborted = <T>(value: Promise<T>, signal: AbortSignal | undefined | null): Promise<T> =>
  signal
    ? new Promise<T>((resolve, reject) => {
        const stop = () => reject(signal.reason)
        signal.aborted ? stop() : signal.addEventListener('abort', stop)
        // `then` with both handlers never rejects, so the listener is always removed.
        value.then(resolve, reject).then(() => signal.removeEventListener('abort', stop))
      })
    : value
