import type { IncomingMessage, ServerResponse } from 'node:http'
import { type Served, serveFetch, serveNode } from '@amigo-ai/test-server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { amigoExpressHandler } from '../examples/express'
import { handled } from '../examples/handle-event'
import { amigoHonoHandler } from '../examples/hono'
import { POST } from '../examples/nextjs'
import { amigoWebhookListener } from '../examples/node-http'
import worker from '../examples/worker'
import { signWebhookPayload } from '../src/sign'

const SECRET = 'whsec_recipes_7d1c'

afterAll(() => {
  vi.unstubAllEnvs()
})

/** Stands in for Express: express.raw() (whole body as a Buffer on req.body) and res.status/send. */
const express =
  (handler: ReturnType<typeof amigoExpressHandler>) => async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
    const send = (code: number, body = '') => res.writeHead(code).end(body)
    const expressRes = {
      sendStatus: (code: number) => send(code),
      status: (code: number) => ({ send: (b: string) => send(code, b) }),
    }
    await handler(Object.assign(req, { body: Buffer.concat(chunks) }), expressRes, (error) =>
      send(500, String(error)),
    )
  }

/** Stands in for Hono's Context around a standard Request. */
const honoContext = (raw: Request) => ({
  req: { raw },
  body: (data: null, status: number) => new Response(data, { status }),
  text: (text: string, status: number) => new Response(text, { status }),
})

const recipes: Record<string, () => Promise<Served>> = {
  'node:http': () => serveNode(amigoWebhookListener(SECRET)),
  express: () => serveNode(express(amigoExpressHandler(SECRET))),
  'next.js route handler': () => {
    vi.stubEnv('AMIGO_WEBHOOK_SECRET', SECRET)
    return serveFetch(POST)
  },
  hono: () => serveFetch((request) => amigoHonoHandler(SECRET)(honoContext(request))),
  worker: () => serveFetch((request) => worker.fetch(request, { AMIGO_WEBHOOK_SECRET: SECRET })),
}

let counter = 0
const event = (type: string, data: unknown) =>
  JSON.stringify({ id: `evt_recipe_${++counter}`, type, timestamp: new Date().toISOString(), data })

for (const [name, start] of Object.entries(recipes)) {
  describe(`recipe: ${name}`, () => {
    let server: Served
    beforeAll(async () => {
      server = await start()
    })
    afterAll(() => server.close())

    const post = (body: string, headers: Record<string, string>) =>
      fetch(`${server.url}/webhooks/amigo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      })

    it('accepts a signed delivery and hands the typed event to the app', async () => {
      const body = event('call.ended', { call_sid: 'CA42', duration_seconds: 61, direction: 'inbound' })
      const { headers } = await signWebhookPayload({ payload: body, secret: SECRET })
      const response = await post(body, headers)
      expect(response.status).toBe(204)
      expect(handled.at(-1)).toBe('call CA42 ended after 61s')
    })

    it('accepts unicode bodies and event types it does not know', async () => {
      const body = event('brand.new', { note: 'José ✓ 你好' })
      const { headers } = await signWebhookPayload({ payload: body, secret: SECRET })
      expect((await post(body, headers)).status).toBe(204)
      expect(handled.at(-1)).toBe('ignored brand.new')
    })

    it('rejects a forged signature, an altered body and a missing signature with 400', async () => {
      const body = event('surface.submitted', { surface_id: 'srf_1', entity_id: 'e' })
      const forged = await signWebhookPayload({ payload: body, secret: 'whsec_attacker' })
      const before = handled.length
      let response = await post(body, forged.headers)
      expect([response.status, await response.text()]).toEqual([400, 'signature_mismatch'])
      const genuine = await signWebhookPayload({ payload: body, secret: SECRET })
      response = await post(body.replace('srf_1', 'srf_2'), genuine.headers)
      expect([response.status, await response.text()]).toEqual([400, 'signature_mismatch'])
      response = await post(body, {})
      expect([response.status, await response.text()]).toEqual([400, 'missing_signature'])
      expect(handled.length).toBe(before)
    })

    it('rejects a stale (replayed) delivery with 400', async () => {
      const body = event('surface.submitted', { surface_id: 'srf_old', entity_id: 'e' })
      const stale = String(Math.floor(Date.now() / 1000) - 3600)
      const { headers } = await signWebhookPayload({ payload: body, secret: SECRET, timestamp: stale })
      const response = await post(body, headers)
      expect([response.status, await response.text()]).toEqual([400, 'timestamp_too_old'])
    })

    it('acts on a redelivered event id once', async () => {
      const body = event('surface.submitted', { surface_id: 'srf_dup', entity_id: 'e' })
      const { headers } = await signWebhookPayload({ payload: body, secret: SECRET })
      const before = handled.length
      expect((await post(body, headers)).status).toBe(204)
      expect((await post(body, headers)).status).toBe(204)
      expect(handled.length).toBe(before + 1)
    })
  })
}
