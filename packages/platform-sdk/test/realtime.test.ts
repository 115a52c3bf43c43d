import type { WorkspaceEvent } from '@amigo-ai/platform-sdk'
import { describe, expect, it } from 'vitest'
import { useMockPlatform } from './helpers/mock-client'

const env = useMockPlatform()

const waitFor = async (check: () => boolean, ms = 5000) => {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('events.subscribeToWorkspace', () => {
  it('streams workspace events from the mock with the client key, typed by event_type', async () => {
    const { client, mock } = env
    const received: WorkspaceEvent[] = []
    const errors: unknown[] = []
    const handle = client.events.subscribeToWorkspace({
      onEvent: (event) => {
        received.push(event)
      },
      onError: (err) => errors.push(err),
    })
    await waitFor(() => mock.requests.some((r) => r.path.endsWith('/events/stream')))
    const streamRequest = mock.requests.find((r) => r.path.endsWith('/events/stream'))!
    expect(streamRequest.headers.authorization).toBe(`Bearer ${mock.apiKey}`)
    expect(streamRequest.path).toBe(`/v1/${mock.workspaceId}/events/stream`)
    // Emit until the subscriber (which connects asynchronously) has seen one.
    await waitFor(() => {
      if (received.length === 0)
        mock.emit('call.started', {
          call_sid: 'CA1',
          direction: 'inbound',
          service_id: 'svc',
          caller_id: null,
        })
      return received.length > 0
    })
    const first = received[0]!
    expect(first.event_type).toBe('call.started')
    if (first.event_type === 'call.started') expect(first.call_sid).toBe('CA1')
    handle.unsubscribe()
    await handle.done
    expect(errors).toEqual([])
  })
})

describe('observers.subscribe', () => {
  it('observes a simulated call over WebSocket with the client key', async () => {
    const { client, mock } = env
    const callSid = mock.simulateCall({ durationMs: 300 })
    const types: string[] = []
    const observation = client.observers.subscribe({
      callSid,
      onEvent: (event) => {
        types.push(event.type)
      },
    })
    await waitFor(() => types.length > 0)
    observation.close()
    await observation.done
    expect(types.length).toBeGreaterThan(0)
  })

  it('refuses a malformed call SID before connecting', () => {
    expect(() => env.client.observers.subscribe({ callSid: 'nope', onEvent: () => {} })).toThrow(/callSid/)
  })
})
