// SSE: events per second end to end over loopback (connect, read, parse each event's JSON) through
// our workspace-event subscriber against the `eventsource` package and @microsoft/fetch-event-source.

import { subscribeToWorkspaceEvents } from '@amigo-ai/realtime'
import { fetchEventSource } from '@microsoft/fetch-event-source'
import { EventSource } from 'eventsource'
import { TOKEN, WORKSPACE_ID } from '../lib/fixtures.mjs'
import { repeatWithin } from '../lib/repeat.mjs'
import { median, rotate } from '../lib/stats.mjs'

// fetch-event-source is written for browsers: it reads document.hidden and calls window.setTimeout.
// These stand-ins do nothing else (openWhenHidden keeps it from reacting to visibility).
globalThis.window ??= globalThis
globalThis.document ??= { hidden: false, addEventListener() {}, removeEventListener() {} }

const streamUrl = (origin, n) => `${origin}/s/${n}/v1/${WORKSPACE_ID}/events/stream`
const auth = { authorization: `Bearer ${TOKEN}` }

/** Each contestant resolves once it has received and parsed `n` events. */
const contestants = {
  subscribeToWorkspaceEvents: (origin, n) =>
    new Promise((resolve, reject) => {
      let count = 0
      const sub = subscribeToWorkspaceEvents({
        workspaceId: WORKSPACE_ID,
        baseUrl: `${origin}/s/${n}`,
        token: TOKEN,
        maxReconnects: 0,
        onEvent: (event) => {
          if (event.event_type !== 'call.started' || typeof event.call_sid !== 'string')
            reject(new Error('bad event'))
          if (++count === n) sub.unsubscribe()
        },
        onError: reject,
      })
      sub.done.then(() => (count === n ? resolve() : reject(new Error(`got ${count} of ${n} events`))))
    }),
  eventsource: (origin, n) =>
    new Promise((resolve, reject) => {
      let count = 0
      const source = new EventSource(streamUrl(origin, n), {
        fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, ...auth } }),
      })
      source.addEventListener('call.started', (message) => {
        const event = JSON.parse(message.data)
        if (typeof event.call_sid !== 'string') reject(new Error('bad event'))
        if (++count === n) {
          source.close()
          resolve()
        }
      })
      source.onerror = (err) => {
        source.close()
        reject(new Error(`eventsource error: ${err.message}`))
      }
    }),
  '@microsoft/fetch-event-source': (origin, n) => {
    const controller = new AbortController()
    let count = 0
    return new Promise((resolve, reject) => {
      fetchEventSource(streamUrl(origin, n), {
        headers: auth,
        signal: controller.signal,
        openWhenHidden: true,
        onmessage: (message) => {
          const event = JSON.parse(message.data)
          if (message.event !== 'call.started' || typeof event.call_sid !== 'string')
            reject(new Error('bad event'))
          if (++count === n) {
            controller.abort()
            resolve()
          }
        },
        onerror: (err) => {
          reject(err)
          throw err // no retry
        },
      }).catch(reject)
    })
  },
}

/** Runs the suite; returns table rows. */
export async function run({ origin, events, log, budgetMs }) {
  const names = Object.keys(contestants)
  for (const name of names) await contestants[name](origin, 500) // warm up
  const perRepeat = []
  const reps = await repeatWithin({ min: 3, max: 9, budgetMs }, async (rep) => {
    const rates = {}
    for (const name of rotate(names, rep)) {
      const start = performance.now()
      await contestants[name](origin, events)
      rates[name] = (events * 1000) / (performance.now() - start)
    }
    perRepeat.push(rates)
  })
  log(`sse: ${reps} repeat(s) of ${events} events`)
  return names.slice(1).map((peer) => ({
    section: 'SSE',
    figure: 'subscribeToWorkspaceEvents events/s',
    baseline: peer,
    work: `${events} events`,
    values: perRepeat.map((r) => r.subscribeToWorkspaceEvents / r[peer]),
    target: peer === 'eventsource' ? { min: 0.9 } : undefined,
    note: `${peer} ${Math.round(median(perRepeat.map((r) => r[peer])))} events/s`,
  }))
}
