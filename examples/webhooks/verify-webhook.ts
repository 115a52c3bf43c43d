// Webhook receiver: a plain node:http server that accepts only deliveries signed with the
// destination's secret. It imports @amigo-ai/webhooks, the dependency-free package a handler needs.
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseWebhookEvent, WebhookVerificationError } from '@amigo-ai/webhooks'
import { signWebhookPayload } from '@amigo-ai/webhooks/sign'
import { type ExampleEnv, runExample } from '../_shared/connect'

/** A running receiver: its URL, what it accepted and rejected, and how to stop it. */
interface Receiver {
  url: string
  accepted: Array<{ id: string; type: string }>
  rejected: string[]
  close(): Promise<void>
}

/** Reads the body as raw bytes: verification needs the exact bytes that were signed. */
async function rawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function startReceiver(getSecret: () => string): Promise<Receiver> {
  const accepted: Receiver['accepted'] = []
  const rejected: string[] = []
  const server = createServer(async (req, res) => {
    try {
      const event = await parseWebhookEvent({
        payload: await rawBody(req),
        headers: req.headers, // x-amigo-signature and x-amigo-timestamp
        secret: getSecret(),
      })
      accepted.push({ id: event.id, type: event.type })
      console.log(`receiver: accepted ${event.type} (${event.id})`)
      res.writeHead(204).end()
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) {
        res.writeHead(500).end()
        throw error
      }
      // 4xx tells the sender not to retry: a badly signed delivery will not get better.
      rejected.push(error.reason)
      console.log(`receiver: rejected a delivery (${error.reason})`)
      res.writeHead(400).end(error.reason)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks/amigo`,
    accepted,
    rejected,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

export async function main(env: ExampleEnv) {
  let secret = process.env.AMIGO_WEBHOOK_SECRET ?? 'whsec_local_example_secret'
  const receiver = await startReceiver(() => secret)
  try {
    if (env.mock) {
      // Mock-only step: register the local receiver as a destination (a real platform needs a public
      // URL, set up in the console). The destination's secret is what the receiver verifies with.
      secret = env.mock.addWebhookDestination({ url: receiver.url, eventTypes: ['call.*'] }).secret
      const callSid = env.mock.simulateCall({ durationMs: 20 })
      console.log(`mock: simulated call ${callSid}; the platform now delivers its events`)
      // Deliveries are asynchronous: wait (briefly) until the call's end has arrived too.
      const deadline = Date.now() + 3_000
      while (!receiver.accepted.some((e) => e.type === 'call.ended') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      await env.mock.webhooksIdle()
    } else {
      // No platform can reach this machine, so sign a sample the way the platform does and post it.
      const body = JSON.stringify({
        id: 'evt_local',
        type: 'call.completed',
        timestamp: new Date().toISOString(),
        data: {},
      })
      const signed = await signWebhookPayload({ payload: body, secret })
      await fetch(receiver.url, { method: 'POST', headers: signed.headers, body })
    }

    // A forged delivery: right shape, signed with the wrong secret. It must be turned away.
    const forgedBody = JSON.stringify({
      id: 'evt_forged',
      type: 'call.ended',
      timestamp: new Date().toISOString(),
      data: {},
    })
    const forged = await signWebhookPayload({ payload: forgedBody, secret: 'not-the-secret' })
    const answer = await fetch(receiver.url, { method: 'POST', headers: forged.headers, body: forgedBody })
    console.log(`forged delivery answered ${answer.status}`)

    return { accepted: receiver.accepted, rejected: receiver.rejected }
  } finally {
    await receiver.close()
  }
}

await runExample(import.meta.url, main)
