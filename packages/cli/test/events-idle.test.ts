// The quiet-stream notice and --idle-timeout of `events tail`, on fake timers: one notice on stderr
// per connection that stays silent, and an idle timeout that runs from the start, which events restart and reconnections do not.
import { PassThrough } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { idleWatch, QUIET_NOTICE_MS } from '../src/events/idle-watch'
import { Output } from '../src/io/output'

function streams() {
  const out = { stdout: '', stderr: '' }
  const stream = (name: 'stdout' | 'stderr') => {
    const s = new PassThrough()
    s.on('data', (c) => {
      out[name] += c
    })
    return s
  }
  const output = new Output({
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    stdin: new PassThrough(),
    env: {},
  })
  return { output, out }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('events tail on a quiet stream', () => {
  it('says once on stderr that it is still listening when a connection stays silent', () => {
    const { output, out } = streams()
    const watch = idleWatch(output, { filtered: false, onIdle: () => {} })
    watch.opened()
    vi.advanceTimersByTime(QUIET_NOTICE_MS - 1)
    expect(out.stderr).toBe('')
    vi.advanceTimersByTime(1)
    expect(out.stderr).toBe('No events for 30 s; still connected and listening (Ctrl-C to stop)\n')
    vi.advanceTimersByTime(10 * QUIET_NOTICE_MS)
    expect(out.stderr.match(/No events/g)).toHaveLength(1)
    expect(out.stdout).toBe('')
    watch.stop()
  })

  it('no notice once an event came or while reconnecting; a new connection may have its own', () => {
    const { output, out } = streams()
    const watch = idleWatch(output, { filtered: true, onIdle: () => {} })
    watch.opened()
    vi.advanceTimersByTime(QUIET_NOTICE_MS / 2)
    watch.event()
    vi.advanceTimersByTime(2 * QUIET_NOTICE_MS)
    expect(out.stderr).toBe('')
    watch.opened()
    vi.advanceTimersByTime(QUIET_NOTICE_MS / 2)
    watch.dropped()
    vi.advanceTimersByTime(2 * QUIET_NOTICE_MS)
    expect(out.stderr).toBe('')
    watch.opened()
    vi.advanceTimersByTime(QUIET_NOTICE_MS)
    expect(out.stderr).toBe(
      'No events matching --type for 30 s; still connected and listening (Ctrl-C to stop)\n',
    )
    watch.stop()
  })

  it('--idle-timeout: counted from the start, again from the first connection, restarted by events, not by reconnections', () => {
    const onIdle = vi.fn()
    const watch = idleWatch(streams().output, { timeoutMs: 1_000, filtered: false, onIdle })
    vi.advanceTimersByTime(800)
    watch.opened()
    vi.advanceTimersByTime(800)
    expect(onIdle).not.toHaveBeenCalled()
    watch.event()
    vi.advanceTimersByTime(800)
    watch.dropped()
    watch.opened()
    expect(onIdle).not.toHaveBeenCalled()
    vi.advanceTimersByTime(200)
    expect(onIdle).toHaveBeenCalledTimes(1)
    expect(onIdle).toHaveBeenCalledWith('no events for 1 s (--idle-timeout)')
    vi.advanceTimersByTime(10_000)
    expect(onIdle).toHaveBeenCalledTimes(1)
    watch.stop()
  })

  it('--idle-timeout: a connection that never opens still times out', () => {
    const onIdle = vi.fn()
    const watch = idleWatch(streams().output, { timeoutMs: 1_000, filtered: true, onIdle })
    vi.advanceTimersByTime(999)
    expect(onIdle).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onIdle).toHaveBeenCalledWith('no events matching --type for 1 s (--idle-timeout)')
    watch.stop()
  })

  it('stop() leaves no timer behind', () => {
    const onIdle = vi.fn()
    const { output, out } = streams()
    const watch = idleWatch(output, { timeoutMs: 1_000, filtered: false, onIdle })
    watch.opened()
    watch.stop()
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(QUIET_NOTICE_MS)
    expect(onIdle).not.toHaveBeenCalled()
    expect(out.stderr).toBe('')
  })
})
