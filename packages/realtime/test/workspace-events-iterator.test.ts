import { sse, waitFor } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { isWorkspaceEventStreamError, workspaceEvents } from '../src/index'
import { eventStreamServer, fast } from './helpers'

describe('workspaceEvents (async iterator)', () => {
  it('applies backpressure: a paused consumer stops the server from writing, and break closes the stream', async () => {
    const total = 50_000
    const payload = 'p'.repeat(1000)
    let written = 0
    let serverSawClose = false
    const server = await eventStreamServer((_req, res) => {
      res.on('close', () => {
        serverSawClose = true
      })
      const w = sse(res)
      const pump = () => {
        while (written < total && !w.closed) {
          const ok = res.write(
            `id: ${written}\nevent: call.started\ndata: {"call_sid":"c","blob":"${payload}"}\n\n`,
          )
          written++
          if (!ok) {
            res.once('drain', pump)
            return
          }
        }
      }
      pump()
    })
    const stream = workspaceEvents({ baseUrl: server.url, workspaceId: 'ws-1', token: 't', ...fast })
    let consumed = 0
    for await (const event of stream) {
      expect(event.event_type).toBe('call.started')
      consumed++
      if (consumed === 10) {
        // Pause the consumer: the server must soon be unable to write more. Filling the buffers can
        // take a while on a loaded machine, so wait (up to 5 s) for a count that holds for 150 ms.
        let before = -1
        const giveUp = Date.now() + 5000
        while (written !== before && Date.now() < giveUp) {
          before = written
          await new Promise((r) => setTimeout(r, 150))
        }
        expect(written).toBe(before)
        expect(written).toBeLessThan(total / 2)
        console.log(
          `backpressure: server wrote ${written} of ${total} events (~${Math.round(written / 1024)} MiB) while the consumer was paused`,
        )
      }
      if (consumed === 20) break
    }
    await waitFor(() => serverSawClose, 2000, 'the server to see the stream closed')
    expect(stream.lastEventId).toBe('19')
  })

  it('throws the terminal error from the loop', async () => {
    const server = await eventStreamServer((_req, res) => {
      sse(res).send({ event: 'error', data: { code: 'too_many_streams', message: 'cap' } })
    })
    const run = async () => {
      for await (const _ of workspaceEvents({
        baseUrl: server.url,
        workspaceId: 'ws-1',
        token: 't',
        ...fast,
      })) {
        // no events expected
      }
    }
    const err = await run().catch((e: unknown) => e)
    expect(isWorkspaceEventStreamError(err)).toBe(true)
  })

  it('close() ends a pending iteration and the loop exits', async () => {
    let serverSawClose = false
    let handled = false
    const server = await eventStreamServer((_req, res) => {
      res.on('close', () => {
        serverSawClose = true
      })
      sse(res).comment('idle')
      handled = true
    })
    const stream = workspaceEvents({ baseUrl: server.url, workspaceId: 'ws-1', token: 't', ...fast })
    const seen: unknown[] = []
    const consume = (async () => {
      for await (const e of stream) seen.push(e)
    })()
    await waitFor(() => handled, 3000, 'the stream to open')
    await stream.close()
    await consume
    expect(seen).toEqual([])
    await waitFor(() => serverSawClose, 2000, 'server close')
  })
})
