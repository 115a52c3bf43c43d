// MemoryTokenStorage.withLock queues the callers of a profile in this process, as FileTokenStorage's
// lock queues processes; a caller may stop waiting with a signal, as for FileTokenStorage. One that
// stops never runs, and the queue stays whole: those after it wait for the holder, not for it, and
// never run beside the holder.
import { describe, expect, it } from 'vitest'
import { MemoryTokenStorage } from '../src/index'

/** A withLock body that records its start and end, ending when `release` is called. */
function heldUntilReleased(events: string[], name: string) {
  let release = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  const fn = async () => {
    events.push(`${name} start`)
    await released
    events.push(`${name} end`)
  }
  return { fn, release }
}

const recorded = (events: string[], name: string) => async () => {
  events.push(`${name} start`)
  await new Promise((resolve) => setTimeout(resolve, 5))
  events.push(`${name} end`)
}

describe('MemoryTokenStorage.withLock({ signal })', () => {
  it('stops waiting for the holder with the reason, running nothing; later callers keep their order', async () => {
    const storage = new MemoryTokenStorage()
    const events: string[] = []
    const holder = heldUntilReleased(events, 'holder')
    const holding = storage.withLock(holder.fn)
    const stop = new AbortController()
    const waited = storage.withLock(recorded(events, 'aborted'), undefined, { signal: stop.signal })
    const queuedBefore = storage.withLock(recorded(events, 'before'))
    const reason = new Error('stopped')
    stop.abort(reason)
    await expect(waited).rejects.toBe(reason)
    const queuedAfter = storage.withLock(recorded(events, 'after'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    // Still the holder's turn: nobody runs beside it.
    expect(events).toEqual(['holder start'])
    holder.release()
    await Promise.all([holding, queuedBefore, queuedAfter])
    expect(events).toEqual([
      'holder start',
      'holder end',
      'before start',
      'before end',
      'after start',
      'after end',
    ])
  })

  it('an aborted signal rejects at once, even with nobody holding the lock', async () => {
    const storage = new MemoryTokenStorage()
    const events: string[] = []
    const reason = new Error('already stopped')
    const call = storage.withLock(recorded(events, 'aborted'), undefined, {
      signal: AbortSignal.abort(reason),
    })
    await expect(call).rejects.toBe(reason)
    await storage.withLock(recorded(events, 'next'))
    expect(events).toEqual(['next start', 'next end'])
  })
})
