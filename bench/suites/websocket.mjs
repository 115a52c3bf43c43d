// WebSocket: messages per second through our reconnecting socket against a plain `ws` socket.
// The server sends `n` JSON text frames as fast as the client reads them; both clients parse each.
import { createReconnectingWebSocket } from '@amigo-ai/realtime'
import WebSocket from 'ws'
import { repeatWithin } from '../lib/repeat.mjs'
import { median, rotate } from '../lib/stats.mjs'

const check = (frame) => {
  if (frame.type !== 'agent_transcript_delta') throw new Error('bad frame')
}

/** Each contestant resolves once it has received and parsed `n` frames. */
const contestants = {
  createReconnectingWebSocket: (wsOrigin, n) =>
    new Promise((resolve, reject) => {
      let count = 0
      const socket = createReconnectingWebSocket({
        url: `${wsOrigin}/w/${n}`,
        maxReconnects: 0,
        onMessage: (event) => {
          check(JSON.parse(event.data))
          if (++count === n) socket.close()
        },
        onError: reject,
      })
      socket.done.then(() => (count === n ? resolve() : reject(new Error(`got ${count} of ${n} frames`))))
    }),
  ws: (wsOrigin, n) =>
    new Promise((resolve, reject) => {
      let count = 0
      const socket = new WebSocket(`${wsOrigin}/w/${n}`)
      socket.on('message', (data) => {
        check(JSON.parse(data.toString()))
        if (++count === n) socket.close()
      })
      socket.on('error', reject)
      socket.on('close', () => (count === n ? resolve() : reject(new Error(`got ${count} of ${n} frames`))))
    }),
}

/** Runs the suite; returns table rows. */
export async function run({ wsOrigin, messages, log, budgetMs }) {
  const names = Object.keys(contestants)
  for (const name of names) await contestants[name](wsOrigin, 1000) // warm up
  const perRepeat = []
  const reps = await repeatWithin({ min: 3, max: 9, budgetMs }, async (rep) => {
    const rates = {}
    for (const name of rotate(names, rep)) {
      const start = performance.now()
      await contestants[name](wsOrigin, messages)
      rates[name] = (messages * 1000) / (performance.now() - start)
    }
    perRepeat.push(rates)
  })
  log(`websocket: ${reps} repeat(s) of ${messages} messages`)
  return [
    {
      section: 'WebSocket',
      figure: 'createReconnectingWebSocket messages/s',
      baseline: 'ws',
      work: `${messages} messages`,
      values: perRepeat.map((r) => r.createReconnectingWebSocket / r.ws),
      note: `ws ${Math.round(median(perRepeat.map((r) => r.ws)))} messages/s`,
    },
  ]
}
