import {
  type SseReplayOptions,
  sequence,
  sse,
  sseReplay,
  startTestServer,
  type TestServer,
} from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { subscribeToWorkspaceEvents, type WorkspaceEvent, workspaceEvents } from '../src/index'
import { eventStreamServer, fast as quick } from './helpers'

const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function replayServer(options: SseReplayOptions) {
  const { handler, stats } = sseReplay(options)
  const server = await startTestServer({ 'GET /v1/ws-1/events/stream': handler })
  servers.push(server)
  return { server, stats }
}

// Connections here are dropped every few dozen events within milliseconds, so each counts as failed:
// the budget is set past the number of drops (the subject is delivery, not the budget).
const fast = { initialDelayMs: 1, maxDelayMs: 5, maxReconnects: 1000 }
const idOf = (i: number) => String(1_700_000_000_000 + i)

describe('workspace events: exactly once, in order, across forced drops', () => {
  it('delivers 5000 events dropped every 97 (destroyed mid-frame and clean ends) with no gap or repeat', async () => {
    const total = 5000
    const { server, stats } = await replayServer({ total, dropEvery: 97 })
    const ids: string[] = []
    const seqs: number[] = []
    let reconnects = 0
    const errors: unknown[] = []
    const sub = subscribeToWorkspaceEvents({
      baseUrl: server.url,
      workspaceId: 'ws-1',
      token: 'tok',
      ...fast,
      onReconnect: () => {
        reconnects++
      },
      onError: (e) => errors.push(e),
      onEvent: (event, meta) => {
        ids.push(meta.id!)
        if (event.event_type === 'call.started') seqs.push((event as unknown as { seq: number }).seq)
        if (ids.length === total) sub.unsubscribe()
      },
    })
    await sub.done
    expect(errors).toEqual([])
    expect(ids).toEqual(Array.from({ length: total }, (_, i) => idOf(i)))
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i))
    const drops = Math.ceil(total / 97) - 1
    expect(reconnects).toBe(drops)
    // Every reconnect resumed from the newest id received before the drop.
    expect(stats.lastEventIds[0]).toBeUndefined()
    for (let c = 1; c < stats.lastEventIds.length; c++) expect(stats.lastEventIds[c]).toBe(idOf(c * 97 - 1))
    expect(sub.lastEventId).toBe(idOf(total - 1))
    console.log(
      `exactly-once: ${total} events over ${stats.lastEventIds.length} connections (${drops} forced drops)`,
    )
  })

  it('skips events the server replays twice after a resume (overlapping replay)', async () => {
    const total = 600
    const { server } = await replayServer({ total, dropEvery: 50, overlap: 7, dropStyle: 'end' })
    const ids: string[] = []
    const sub = subscribeToWorkspaceEvents({
      baseUrl: server.url,
      workspaceId: 'ws-1',
      token: 'tok',
      ...fast,
      onEvent: (_e, meta) => {
        ids.push(meta.id!)
        if (ids.length === total) sub.unsubscribe()
      },
    })
    await sub.done
    expect(ids).toEqual(Array.from({ length: total }, (_, i) => idOf(i)))
  })

  it('the async iterator delivers the same exactly-once sequence', async () => {
    const total = 2000
    const { server } = await replayServer({ total, dropEvery: 61 })
    const ids: string[] = []
    const stream = workspaceEvents({ baseUrl: server.url, workspaceId: 'ws-1', token: 'tok', ...fast })
    for await (const event of stream) {
      expect(event.event_type).toBe('call.started')
      ids.push(stream.lastEventId!)
      if (ids.length === total) break
    }
    expect(ids).toEqual(Array.from({ length: total }, (_, i) => idOf(i)))
  })

  it('restores event_type from the event: line for every event type', async () => {
    const types = ['call.started', 'pipeline.error', 'surface.created']
    const { server } = await replayServer({ total: 3, eventOf: (i) => types[i]!, holdOpenAtEnd: true })
    const got: WorkspaceEvent[] = []
    const sub = subscribeToWorkspaceEvents({
      baseUrl: server.url,
      workspaceId: 'ws-1',
      token: 'tok',
      ...fast,
      onEvent: (event) => {
        got.push(event)
        if (got.length === 3) sub.unsubscribe()
      },
    })
    await sub.done
    expect(got.map((e) => e.event_type)).toEqual(types)
  })
})

describe('workspace events: a server that replays from the start', () => {
  it('delivers each of 6000 events once when every reconnect replays 4500 old events (a replay longer than any window of remembered keys)', async () => {
    const total = 6000
    // Each connection re-sends the 4500 events before Last-Event-ID, then 100 new ones, then drops.
    const { server } = await replayServer({ total, dropEvery: 4600, overlap: 4500, dropStyle: 'end' })
    const ids: string[] = []
    const sub = subscribeToWorkspaceEvents({
      baseUrl: server.url,
      workspaceId: 'ws-1',
      token: 'tok',
      ...fast,
      maxReconnects: 20,
      onEvent: (_e, meta) => {
        ids.push(meta.id!)
        if (ids.length === total) sub.unsubscribe()
      },
    })
    await sub.done
    expect(ids).toEqual(Array.from({ length: total }, (_, i) => idOf(i)))
  })
})

describe('compareNumericIds', () => {
  it('orders digit strings of any length and ignores other ids', async () => {
    const { compareNumericIds } = await import('../src/workspace-events/replay-guard')
    expect(compareNumericIds('9', '10')).toBeLessThan(0)
    expect(compareNumericIds('1700000000001', '1700000000000')).toBeGreaterThan(0)
    expect(compareNumericIds('0007', '7')).toBe(0)
    expect(compareNumericIds('99999999999999999999', '100000000000000000000')).toBeLessThan(0)
    expect(compareNumericIds('abc', '1')).toBeUndefined()
  })
})

describe('ReplayGuard', () => {
  it('passes different events sharing a millisecond and skips their replay, however many share it', async () => {
    const { ReplayGuard } = await import('../src/workspace-events/replay-guard')
    const guard = new ReplayGuard()
    const same = Array.from({ length: 50 }, (_, i) => `{"n":${i}}`)
    expect(same.map((d) => guard.add('1700000000005', 'call.started', d))).toEqual(same.map(() => true))
    // The same data under another type is another event.
    expect(guard.add('1700000000005', 'call.ended', same[0]!)).toBe(true)
    // Reconnected from that id (received after ...4): the replay of the whole group is skipped, older
    // ids by order alone.
    guard.resume('1700000000005', '1700000000004')
    expect(guard.isPastResumePoint('1700000000004')).toBe(false)
    expect(guard.isPastResumePoint('1700000000005')).toBe(true)
    expect(same.map((d) => guard.add('1700000000005', 'call.started', d))).toEqual(same.map(() => false))
    expect(guard.add('1700000000005', 'call.ended', same[0]!)).toBe(false)
    expect(guard.add('1700000000005', 'call.ended', '{"n":"new"}')).toBe(true)
    // A newer id starts a fresh group and ends the catch-up.
    expect(guard.isPastResumePoint('1700000000006')).toBe(true)
    expect(guard.add('1700000000006', 'call.started', same[0]!)).toBe(true)
    expect(guard.isPastResumePoint('1700000000004')).toBe(true)
  })

  it('orders ids of any length and leading zeros, and never drops ids that are not digits', async () => {
    const { ReplayGuard } = await import('../src/workspace-events/replay-guard')
    const guard = new ReplayGuard()
    guard.resume('0100', '099')
    expect(guard.isPastResumePoint('99')).toBe(false)
    expect(guard.isPastResumePoint('100')).toBe(true)
    expect(guard.isPastResumePoint('evt-a')).toBe(true)
    expect(guard.isPastResumePoint('5')).toBe(true)
    expect(guard.add('evt-b', 't', 'b')).toBe(true)
    expect(guard.add('evt-b', 't', 'b')).toBe(false)
    expect(guard.add('evt-a', 't', 'a')).toBe(true)
  })
})

describe('ReplayGuard: a resume point the server does not know', () => {
  it('skips by order only ids at or below the one received before the resume point', async () => {
    const { ReplayGuard } = await import('../src/workspace-events/replay-guard')
    const guard = new ReplayGuard()
    guard.resume('1700000000009', '1700000000005')
    expect(guard.isPastResumePoint('1700000000004')).toBe(false)
    expect(guard.isPastResumePoint('1700000000005')).toBe(false)
    // An id between the two cannot come from the sequence the stream followed: the catch-up is over.
    expect(guard.isPastResumePoint('1700000000006')).toBe(true)
    expect(guard.isPastResumePoint('1700000000007')).toBe(true)
  })

  it("skips nothing by order below a resume point with nothing received before it (the caller's lastEventId)", async () => {
    const { ReplayGuard } = await import('../src/workspace-events/replay-guard')
    const guard = new ReplayGuard()
    guard.resume('17000000000000000', undefined)
    expect(guard.isPastResumePoint('1700000000001')).toBe(true)
    expect(guard.isPastResumePoint('1700000000002')).toBe(true)
  })
})

// A cursor ahead of the server's ids (saved from another server, made up, or a server id far above
// the rest) must not hide the live events that follow it: the server's ids never reach it.
describe('workspace events: a resume point above every id the server sends', () => {
  const frame = (id: string) => ({ id, event: 'call.started', data: { call_sid: `c${id}` } })
  const collect = (url: string, lastEventId: string | undefined, want: number) => {
    const ids: (string | undefined)[] = []
    const errors: unknown[] = []
    const sub = subscribeToWorkspaceEvents({
      baseUrl: url,
      workspaceId: 'ws-1',
      token: 'tok',
      lastEventId,
      ...quick,
      onError: (e) => errors.push(e),
      onEvent: (_e, meta) => {
        ids.push(meta.id)
        if (ids.length === want) sub.unsubscribe()
      },
    })
    return { sub, ids, errors }
  }

  it("delivers the live events after a lastEventId the server's ids never reach", async () => {
    const server = await eventStreamServer((_req, res) => {
      const w = sse(res)
      for (const id of [idOf(1), idOf(2), idOf(3)]) w.send(frame(id))
    })
    const { sub, ids, errors } = collect(server.url, '17000000000000000', 3)
    await sub.done
    expect(errors).toEqual([])
    expect(ids).toEqual([idOf(1), idOf(2), idOf(3)])
    expect(server.requests[0]!.headers['last-event-id']).toBe('17000000000000000')
  })

  it('delivers the live events after a server id far above the rest, and still skips replays after that', async () => {
    const server = await eventStreamServer(
      sequence(
        (_req, res) => {
          const w = sse(res)
          for (const id of [idOf(1), idOf(2), '99999999999999999']) w.send(frame(id))
          w.end()
        },
        (_req, res) => {
          const w = sse(res)
          for (const id of [idOf(3), idOf(4)]) w.send(frame(id))
          w.end()
        },
        // A server replaying from the start: all but idOf(5) were delivered.
        (_req, res) => {
          const w = sse(res)
          for (const id of [idOf(1), idOf(2), idOf(3), idOf(4), idOf(5)]) w.send(frame(id))
        },
      ),
    )
    const { sub, ids, errors } = collect(server.url, undefined, 6)
    await sub.done
    expect(errors).toEqual([])
    expect(ids).toEqual([idOf(1), idOf(2), '99999999999999999', idOf(3), idOf(4), idOf(5)])
    expect(server.requests.map((r) => r.headers['last-event-id'])).toEqual([
      undefined,
      '99999999999999999',
      idOf(4),
    ])
  })
})
