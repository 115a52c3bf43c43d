// An observation of a call ends: the mock sends `session_end` and closes the observer socket with
// 1000 once the call is over, so the SDK's `observeCall` settles `done` instead of waiting on a
// silent socket and reconnecting. A call is played once for all its observers: a socket that
// reconnects, or connects after the end, is not sent the call again.
import { type ObserverEvent, observeCall } from '@amigo-ai/realtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { startTestMock } from './helpers'

let mock: MockPlatform
beforeAll(async () => {
  // Frames 20 ms apart: a script of about 300 ms, long enough to cut a connection in the middle.
  mock = await startTestMock({ turnTokenDelayMs: 20 })
})
afterAll(() => mock?.close())

/** Frames each observation should get at most once (`session_info` comes with every connection). */
const ONCE = [
  'session_start',
  'user_transcript',
  'state_transition',
  'agent_transcript',
  'latency',
  'session_end',
]

/**
 * Observes `callSid` with the SDK. `settled` is `'done'` when the observation ends, or `'misbehaved'`
 * as soon as a frame of `ONCE` arrives twice or the socket reconnects more than `reconnects` times,
 * so a mock that replays the call or never closes fails at once rather than at the test's timeout.
 */
function observe(callSid: string, { reconnects = 0, onEvent = (_e: ObserverEvent) => {} } = {}) {
  const events: ObserverEvent[] = []
  const closeCodes: number[] = []
  const errors: unknown[] = []
  let misbehaved = () => {}
  const trouble = new Promise<'misbehaved'>((resolve) => {
    misbehaved = () => resolve('misbehaved')
  })
  const observation = observeCall({
    workspaceId: mock.workspaceId,
    baseUrl: mock.url,
    callSid,
    token: mock.apiKey,
    // A silent socket is replaced after 5 s: the ending this file checks must come before that (the
    // calls here last up to 2 s, and the script ends long before).
    idleTimeoutMs: 5_000,
    initialDelayMs: 5,
    maxDelayMs: 5,
    onEvent: (event) => {
      events.push(event)
      if (ONCE.includes(event.type) && events.filter((e) => e.type === event.type).length > 1) misbehaved()
      onEvent(event)
    },
    onReconnect: ({ closeCode }) => {
      closeCodes.push(closeCode ?? 0)
      if (closeCodes.length > reconnects) misbehaved()
    },
    onError: (err) => errors.push(err),
  })
  const settled = Promise.race([observation.done.then(() => 'done' as const), trouble])
  return { observation, events, closeCodes, errors, settled }
}

const types = (events: ObserverEvent[]) => events.map((e) => e.type)

describe('observing a live call', () => {
  it('ends with session_end and a 1000 close once the call is over: done settles, nothing twice', async () => {
    // Long enough for a loaded machine to connect the observer before the call ends.
    const sid = mock.simulateCall({ durationMs: 2_000 })
    const o = observe(sid)
    try {
      expect(await o.settled).toBe('done')
      expect(o.observation.state).toBe('closed')
      expect(o.errors).toEqual([])
      expect(o.closeCodes).toEqual([])
      const seen = types(o.events)
      expect(seen[0]).toBe('session_info')
      expect(seen.at(-1)).toBe('session_end')
      expect(seen.filter((t) => t === 'session_info')).toHaveLength(1)
      expect(seen).toEqual(expect.arrayContaining(ONCE))
      // Sent when the call has ended, so it carries the call's outcome as stored.
      const row = mock.store.calls.get(sid)!
      expect(row.status).toBe('completed')
      expect(o.events.at(-1)).toMatchObject({
        type: 'session_end',
        call_sid: sid,
        completion_reason: 'completed',
        duration_s: row.duration_seconds,
      })
    } finally {
      o.observation.close()
    }
  })

  it('continues after a dropped connection without playing the call again', async () => {
    // Long enough for a loaded machine to connect, and to reconnect before the call ends.
    const sid = mock.simulateCall({ durationMs: 1_500 })
    let cut = false
    const o = observe(sid, {
      reconnects: 1,
      onEvent: (event) => {
        if (event.type !== 'user_transcript' || cut) return
        cut = true
        // Terminates every open socket of the mock (a 1006 for the client), then disarms.
        mock.injectFault({ wsKill: true, times: 0 })()
      },
    })
    try {
      expect(await o.settled).toBe('done')
      expect(o.closeCodes).toEqual([1006])
      expect(o.errors).toEqual([])
      const seen = types(o.events)
      // One session_info per connection: the second says where the call stands, then it goes on.
      expect(seen.filter((t) => t === 'session_info')).toHaveLength(2)
      const afterReconnect = seen.slice(seen.lastIndexOf('session_info') + 1)
      expect(afterReconnect).not.toContain('session_start')
      expect(afterReconnect).not.toContain('user_transcript')
      expect(afterReconnect.at(-1)).toBe('session_end')
    } finally {
      o.observation.close()
    }
  })
})

describe('observing a call that has ended', () => {
  it('a seeded call: only its session_end, then a 1000 close', async () => {
    const row = mock.store.calls.list((c) => c.workspace_id === mock.workspaceId)[0]!
    const o = observe(row.call_sid)
    try {
      expect(await o.settled).toBe('done')
      expect(o.observation.state).toBe('closed')
      expect(o.errors).toEqual([])
      expect(o.events).toEqual([
        expect.objectContaining({
          type: 'session_end',
          call_sid: row.call_sid,
          completion_reason: row.completion_reason,
          duration_s: row.duration_seconds,
        }),
      ])
    } finally {
      o.observation.close()
    }
  })

  it('a simulated call observed again after its end gets its outcome, not the call', async () => {
    const sid = mock.simulateCall({ durationMs: 50 })
    const first = observe(sid)
    expect(await first.settled).toBe('done')
    const again = observe(sid)
    try {
      expect(await again.settled).toBe('done')
      expect(types(again.events)).toEqual(['session_end'])
      expect(again.events[0]).toEqual(first.events.at(-1))
    } finally {
      first.observation.close()
      again.observation.close()
    }
  })
})
