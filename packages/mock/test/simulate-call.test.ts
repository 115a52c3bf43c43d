// mock.simulateCall plays a call on a service the mock knows. An unknown serviceId used to fall back
// to the first service silently (the call then ran in a workspace nobody asked for); it throws now,
// and so does a call with no serviceId when the sample workspace has no service left.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { MockPlatform } from '../src/index'
import { call, startTestMock, workspaceToken, ws } from './helpers'

let mock: MockPlatform
beforeEach(async () => {
  mock = await startTestMock()
})
afterEach(() => mock?.close())

const callCount = () => mock.store.calls.size
const started = () => mock.events().filter((e) => e.type === 'call.started')

describe('simulateCall({ serviceId })', () => {
  it('throws naming an unknown serviceId and the sample workspace, and starts no call', () => {
    const before = callCount()
    expect(() => mock.simulateCall({ serviceId: 'svc-missing', durationMs: 0 })).toThrow(
      new Error(
        `platform-mock: simulateCall: unknown serviceId "svc-missing" (no workspace of the mock has it; ` +
          `the sample workspace ${mock.workspaceId} has ${mock.store.services
            .list((s) => s.workspace_id === mock.workspaceId)
            .map((s) => s.id)
            .join(', ')})`,
      ),
    )
    expect(callCount()).toBe(before)
    expect(started()).toEqual([])
  })

  it('still plays a known service in its own workspace', () => {
    const service = mock.store.services.list()[1]!
    const sid = mock.simulateCall({ serviceId: service.id, durationMs: 0 })
    expect(mock.store.calls.get(sid)).toMatchObject({
      service_id: service.id,
      workspace_id: service.workspace_id,
    })
  })
})

describe('simulateCall() without a serviceId', () => {
  it("plays the sample workspace's first service", () => {
    const first = mock.store.services.list((s) => s.workspace_id === mock.workspaceId)[0]!
    const sid = mock.simulateCall({ durationMs: 0 })
    expect(mock.store.calls.get(sid)).toMatchObject({ service_id: first.id, workspace_id: mock.workspaceId })
  })

  it('throws naming the sample workspace once it has no services, rather than using another workspace', async () => {
    const other = mock.store.workspaces.list()[1]!.id
    const sample = mock.store.services.list((s) => s.workspace_id === mock.workspaceId)
    mock.store.services.put({ ...sample[0]!, id: 'svc-of-other', workspace_id: other })
    for (const s of sample)
      expect((await call(mock, 'DELETE', `${ws(mock)}/services/${s.id}`)).status).toBe(204)
    const before = callCount()
    expect(() => mock.simulateCall({ durationMs: 0 })).toThrow(
      new Error(
        `platform-mock: simulateCall: the sample workspace ${mock.workspaceId} has no services; ` +
          'create one or pass the serviceId of a service of another workspace',
      ),
    )
    expect(callCount()).toBe(before)
    expect(started()).toEqual([])
  })
})

describe('a simulated call in another workspace', () => {
  it("is observed as that workspace's call (session_info names its workspace)", async () => {
    const other = mock.store.workspaces.list()[1]!.id
    const sample = mock.store.services.list((s) => s.workspace_id === mock.workspaceId)[0]!
    mock.store.services.put({ ...sample, id: 'svc-of-other', workspace_id: other })
    // Still live when the observer connects after the token requests, however loaded the machine.
    const sid = mock.simulateCall({ serviceId: 'svc-of-other', durationMs: 60_000 })
    const token = await workspaceToken(mock, other)
    const url = `${mock.url.replace('http', 'ws')}/v1/${other}/observers/${sid}/ws`
    const socket = new WebSocket(url, ['auth', token])
    try {
      const first = await new Promise<string>((resolve) => socket.once('message', (m) => resolve(String(m))))
      expect(JSON.parse(first)).toMatchObject({ type: 'session_info', call_sid: sid, workspace_id: other })
    } finally {
      socket.terminate()
    }
  })
})

describe('simulateCall with options of the wrong type or out of range', () => {
  const cases: [string, unknown, RegExp][] = [
    ['options that are not an object', null, /simulateCall: options must be an object/],
    ['a negative durationMs', { durationMs: -500 }, /simulateCall: durationMs must be a number from 0 to /],
    ['a NaN durationMs', { durationMs: Number.NaN }, /simulateCall: durationMs must be a number/],
    ['a string durationMs', { durationMs: '200' }, /simulateCall: durationMs must be a number/],
    // Past the longest timer Node fires at once: the "long" call would end after 1 ms.
    ['a durationMs no timer can hold', { durationMs: 1e12 }, /simulateCall: durationMs must be a number/],
    ['a serviceId that is not a string', { serviceId: 42 }, /simulateCall: serviceId must be a string/],
  ]
  for (const [name, options, message] of cases) {
    it(`throws naming it for ${name}, and starts no call`, () => {
      const before = callCount()
      expect(() => mock.simulateCall(options as never)).toThrow(message)
      expect(callCount()).toBe(before)
      expect(started()).toEqual([])
    })
  }
})
