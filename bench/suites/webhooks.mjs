// Webhook verification per second: @amigo-ai/webhooks against the svix and standardwebhooks
// verifiers. Each does one HMAC-SHA256 over the body plus a timestamp check; svix and
// standardwebhooks also JSON-parse the body, so ours is measured both ways: parseWebhookEvent
// (verify + parse, the like-for-like figure) and verifyWebhookSignature (verify only). A fifth
// contestant, one bare crypto.subtle.sign over the same message with a ready key, shows the floor
// for any verifier that may use Web Crypto only (as @amigo-ai/webhooks must).
import { createHmac, randomBytes } from 'node:crypto'
import { parseWebhookEvent, verifyWebhookSignature } from '@amigo-ai/webhooks'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'
import { repeatWithin } from '../lib/repeat.mjs'
import { median, rotate } from '../lib/stats.mjs'

/** A JSON event body of about `bytes` bytes. */
function body(bytes) {
  const head = { id: 'evt_0001', type: 'call.completed', timestamp: '2026-01-01T00:00:00Z', data: {} }
  const filler = 'x'.repeat(Math.max(0, bytes - JSON.stringify(head).length - 12))
  return JSON.stringify({ ...head, data: { note: filler } })
}

/** One verifier per contestant, each given a correctly signed delivery of `payload`. */
async function contestants(payload) {
  const secretBytes = randomBytes(32)
  const secret = secretBytes.toString('base64')
  const ts = String(Math.floor(Date.now() / 1000))
  // Amigo scheme: hex HMAC-SHA256 of `v1:<timestamp>:<body>` keyed by the secret's UTF-8 bytes.
  const amigoSig = createHmac('sha256', secret).update(`v1:${ts}:${payload}`).digest('hex')
  // Standard Webhooks / svix scheme: base64 HMAC-SHA256 of `<id>.<timestamp>.<body>` keyed by the decoded secret.
  const stdSig = `v1,${createHmac('sha256', secretBytes).update(`msg_1.${ts}.${payload}`).digest('base64')}`
  const amigo = { payload, signature: amigoSig, timestamp: ts, secret }
  const svix = new SvixWebhook(`whsec_${secret}`)
  const svixHeaders = { 'svix-id': 'msg_1', 'svix-timestamp': ts, 'svix-signature': stdSig }
  const std = new StandardWebhook(secret)
  const stdHeaders = { 'webhook-id': 'msg_1', 'webhook-timestamp': ts, 'webhook-signature': stdSig }
  const key = await crypto.subtle.importKey(
    'raw',
    Buffer.from(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const message = new TextEncoder().encode(`v1:${ts}:${payload}`)
  return {
    'svix verify': async () => svix.verify(payload, svixHeaders),
    'standardwebhooks verify': async () => std.verify(payload, stdHeaders),
    parseWebhookEvent: async () => parseWebhookEvent(amigo),
    verifyWebhookSignature: async () => {
      if (!(await verifyWebhookSignature(amigo))) throw new Error('did not verify')
    },
    'crypto.subtle.sign alone': () => crypto.subtle.sign('HMAC', key, message),
  }
}

/** Runs the suite; returns table rows. */
export async function run({ log, budgetMs }) {
  const rows = []
  for (const [label, bytes, block] of [
    ['1 KB body', 1024, 200],
    ['100 KB body', 100 * 1024, 10],
  ]) {
    const calls = await contestants(body(bytes))
    const names = Object.keys(calls)
    for (const name of names) for (let i = 0; i < block * 5; i++) await calls[name]() // warm up, and check each verifies
    const perRepeat = []
    const reps = await repeatWithin({ min: 3, max: 15, budgetMs: budgetMs / 2 }, async (rep) => {
      const ms = {}
      // Blocks of `block` verifications per contestant, in turn, repeated 5 times per repeat.
      for (let round = 0; round < 5; round++) {
        for (const name of rotate(names, rep + round)) {
          const start = performance.now()
          for (let i = 0; i < block; i++) await calls[name]()
          ms[name] = (ms[name] ?? 0) + performance.now() - start
        }
      }
      perRepeat.push(Object.fromEntries(names.map((k) => [k, (block * 5 * 1000) / ms[k]])))
    })
    log(`webhooks ${label}: ${reps} repeat(s)`)
    for (const ours of ['parseWebhookEvent', 'verifyWebhookSignature']) {
      for (const peer of ['svix verify', 'standardwebhooks verify']) {
        rows.push({
          section: 'Webhook verification',
          figure: `${ours} verifications/s`,
          baseline: peer,
          work: label,
          values: perRepeat.map((r) => r[ours] / r[peer]),
          target: peer === 'svix verify' ? { min: 1 } : undefined,
          note: `${peer} ${Math.round(median(perRepeat.map((r) => r[peer])))}/s`,
        })
      }
    }
    rows.push({
      section: 'Webhook verification',
      figure: 'Web Crypto floor: one crypto.subtle.sign, no checks',
      baseline: 'svix verify',
      work: label,
      values: perRepeat.map((r) => r['crypto.subtle.sign alone'] / r['svix verify']),
      note: 'the best any Web-Crypto-only verifier can do',
    })
  }
  return rows
}
