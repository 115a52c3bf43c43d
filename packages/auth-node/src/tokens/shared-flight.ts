import { untilAborted } from '@amigo-ai/core'

/** One run of a task and how many callers still wait for it. */
interface Run<T> {
  promise: Promise<T>
  stop: AbortController
  waiting: number
}

/**
 * One run of a task shared by every caller that asks while it is under way (a hundred calls on an
 * expired token send one refresh). Each caller may stop waiting with a signal of its own, at once,
 * with its signal's reason. The run itself is stopped (through the signal the task was given) only
 * when no caller waits for it any more: one caller giving up must not fail the others, and a run
 * nobody waits for should not go on waiting in the background (for a lock, say). A caller without
 * a signal waits to the end.
 */
export class SharedFlight<T> {
  #run: Run<T> | undefined

  /** Joins the run under way, or starts `task` when there is none. */
  join(task: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    const run = this.#run ?? this.#start(task)
    run.waiting++
    if (!signal) return run.promise
    const leave = () => {
      if (--run.waiting > 0) return
      // Stopped: whoever asks next starts a run of their own rather than join this one's failure.
      if (this.#run === run) this.#run = undefined
      run.stop.abort(signal.reason)
    }
    signal.addEventListener('abort', leave, { once: true })
    return untilAborted(run.promise, signal).finally(() => signal.removeEventListener('abort', leave))
  }

  #start(task: (signal: AbortSignal) => Promise<T>): Run<T> {
    const stop = new AbortController()
    const run: Run<T> = { promise: task(stop.signal), stop, waiting: 0 }
    this.#run = run
    const done = () => {
      if (this.#run === run) this.#run = undefined
    }
    run.promise.then(done, done)
    return run
  }
}
