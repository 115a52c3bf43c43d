import type { Output } from '../io/output'

/**
 * How long a connected stream may stay silent before one note says it is still listening. The API
 * documents no heartbeat, so a quiet workspace and a stalled connection look the same from here.
 */
export const QUIET_NOTICE_MS = 30_000

/** Options of {@link idleWatch}. */
export interface IdleWatchOptions {
  /** `--idle-timeout` in milliseconds: after this long without an event, `onIdle` is called, once. */
  timeoutMs?: number
  /** Gets the line that says what happened, e.g. `no events for 300 s (--idle-timeout)`. */
  onIdle(message: string): void
  /** True when `--type` filters the events (the note then says so). */
  filtered: boolean
}

/** What `events tail` tells the watch. */
export interface IdleWatch {
  /** A connection is open: the quiet note may follow. The first one starts the idle timeout over. */
  opened(): void
  /** The connection dropped: no "still connected" note until the next one opens. */
  dropped(): void
  /** An event was printed: the idle timeout starts over. */
  event(): void
  /** Clears every timer. */
  stop(): void
}

/**
 * Watches `events tail` for silence: one note on stderr (where the other connection notes go,
 * never stdout, which carries the events) when a connection has brought no event for
 * QUIET_NOTICE_MS, and `onIdle` after `timeoutMs` without an event. The timeout counts from the
 * moment the watch is made, through connecting too (a platform that accepts the connection and
 * never answers must not hold a script waiting for an event past its timeout), starts over once
 * when the first connection opens, and then only with each event.
 */
export function idleWatch(output: Output, options: IdleWatchOptions): IdleWatch {
  let notice: NodeJS.Timeout | undefined
  let idle: NodeJS.Timeout | undefined
  const what = options.filtered ? 'events matching --type' : 'events'
  const note = () =>
    output.info(
      output.errColor.dim(
        `No ${what} for ${QUIET_NOTICE_MS / 1000} s; still connected and listening (Ctrl-C to stop)`,
      ),
    )
  const clearNotice = () => {
    clearTimeout(notice)
    notice = undefined
  }
  const startIdle = () => {
    if (options.timeoutMs === undefined) return
    clearTimeout(idle)
    const ms = options.timeoutMs
    // Rounded to the millisecond: 0.7 s is 700.0000000000001 ms in floating point.
    const seconds = Number((ms / 1000).toFixed(3))
    idle = setTimeout(() => options.onIdle(`no ${what} for ${seconds} s (--idle-timeout)`), ms)
  }
  startIdle()
  let opened = false
  return {
    opened() {
      clearNotice()
      notice = setTimeout(note, QUIET_NOTICE_MS)
      // The first connection starts the count over: connecting took some of it. Later ones do not,
      // so a server that keeps dropping and reopening cannot keep a silent stream alive.
      if (!opened) startIdle()
      opened = true
    },
    dropped: clearNotice,
    event() {
      clearNotice()
      startIdle()
    },
    stop() {
      clearNotice()
      clearTimeout(idle)
    },
  }
}
