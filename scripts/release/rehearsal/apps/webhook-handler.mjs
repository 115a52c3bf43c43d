// A webhook handler whose only dependency is @amigo-ai/webhooks: a Node HTTP server that verifies
// each delivery from its raw bytes and headers, answering 200 with the event's id and type, or 400
// with the reason it was refused. Prints `LISTENING <port>`; stops when stdin closes.
import { createServer } from 'node:http'
import { parseWebhookEvent, WebhookVerificationError } from '@amigo-ai/webhooks'

const { AMIGO_WEBHOOK_SECRET: secret } = process.env

const server = createServer(async (req, res) => {
  const chunks = []
  for await (const chunk of req) chunks.push(chunk)
  try {
    const event = await parseWebhookEvent({ payload: Buffer.concat(chunks), headers: req.headers, secret })
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ id: event.id, type: event.type }))
  } catch (err) {
    res.writeHead(err instanceof WebhookVerificationError ? 400 : 500, { 'content-type': 'text/plain' })
    res.end(err instanceof WebhookVerificationError ? err.reason : String(err))
  }
})
server.listen(0, '127.0.0.1', () => console.log(`LISTENING ${server.address().port}`))
process.stdin.on('end', () => server.close())
process.stdin.resume()
