// `pnpm demo`: the quick start end to end, printed as a short transcript. Offline it runs against
// the mock platform started in this process; with AMIGO_API_KEY and AMIGO_WORKSPACE_ID set it runs
// against that workspace instead and skips the steps only a mock can do.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  AmigoClient,
  parseWebhookEvent,
  signWebhookPayload,
  WebhookVerificationError,
} from '@amigo-ai/platform-sdk'
import { connect, type ExampleEnv, isMain } from './_shared/connect'

const say = (line = '') => console.log(line)
const step = (n: number, title: string) => say(`\n${n}. ${title}`)

/** `watchMs`: how long step 6 watches the event stream (against the mock it stops once the call ended). */
export async function main(env: ExampleEnv, watchMs = 2_000) {
  const started = Date.now()
  const client = new AmigoClient(env)
  say(
    env.mock
      ? `Amigo Platform SDK demo against the local mock platform at ${env.mock.url}`
      : `Amigo Platform SDK demo against ${env.baseUrl} (mock-only steps are skipped)`,
  )
  say(`workspace ${env.workspaceId}`)

  step(1, 'Create an agent and a version')
  const agent = await client.agents.create({
    name: `Demo Intake Agent ${new Date().toISOString().slice(11, 19)}`,
    description: 'Created by the SDK demo',
  })
  try {
    await addVersion(client, agent)
    const patientId = await readAround(client)

    step(5, 'A short text conversation')
    await converse(client)

    step(6, 'Watch workspace events for a moment')
    await watchEvents(client, env, patientId, watchMs)

    step(7, 'Verify a signed webhook')
    await verifyWebhook(env)
  } finally {
    // The demo cleans up after itself, which matters most against a real workspace.
    await client.agents.delete(agent.id)
  }
  say(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)}s. Next: the programs in examples/.`)
}

async function addVersion(client: AmigoClient, agent: { id: string; name: string; _request_id?: string }) {
  await client.agents.createVersion(agent.id, {
    name: 'v1',
    identity: {
      name: 'Alex',
      role: 'Scheduling Coordinator',
      developed_by: 'Acme Health',
      default_spoken_language: 'en',
      relationship_to_developer: {
        ownership: 'Acme Health',
        type: 'assistant',
        conversation_visibility: 'public',
        thought_visibility: 'private',
      },
    },
  })
  const latest = await client.agents.getVersion(agent.id, 'latest')
  say(`   created "${agent.name}" with version ${latest.version} (request ${agent._request_id})`)
}

/** Steps 2 to 4: reads across the workspace; returns a patient for step 6 to act on, if any. */
async function readAround(client: AmigoClient): Promise<string | undefined> {
  step(2, 'List agents')
  const { items: agents } = await client.agents.list({ limit: 10 })
  say(`   ${agents.length} agents: ${agents.map((a) => a.name).join(', ')}`)

  step(3, 'Search the world model')
  const { entities } = await client.world.listEntities({
    q: 'Jane Doe',
    entity_type: ['patient'],
    limit: 5,
  })
  say(
    `   "Jane Doe" → ${entities.map((e) => `${e.display_name} (${e.entity_type})`).join(', ') || 'no match'}`,
  )

  step(4, 'Call analytics, last 30 days')
  const stats = await client.analytics.getCalls({ days: 30 })
  say(`   ${stats.total_calls} calls, ${Math.round(stats.avg_duration_seconds ?? 0)}s on average`)
  return entities[0]?.id
}

async function converse(client: AmigoClient) {
  const { items: services } = await client.services.list({ limit: 1 })
  if (!services[0]) return say('   (no service to talk to in this workspace)')
  let conversationId: string | undefined
  for (const message of ['Hello, I need help scheduling', 'Tuesday morning works']) {
    say(`   you:   ${message}`)
    const reply = await client.conversations.sendMessage({
      service_id: services[0].id,
      message,
      ...(conversationId ? { conversation_id: conversationId } : {}),
    })
    conversationId = reply.conversation_id
    for (const m of reply.messages.filter((m) => m.role !== 'user')) say(`   agent: ${m.text}`)
  }
}

async function watchEvents(
  client: AmigoClient,
  env: ExampleEnv,
  patientId: string | undefined,
  watchMs: number,
) {
  const seen: string[] = []
  let markOpen!: () => void
  const open = new Promise<void>((resolve) => {
    markOpen = resolve
  })
  const handle = client.events.subscribeToWorkspace({
    // Resolves `open` once the stream is connected, so the actions below are not missed.
    fetch: async (input, init) => {
      const response = await fetch(input, init)
      markOpen()
      return response
    },
    onEvent: (event) => {
      seen.push(event.event_type)
      say(`   ← ${event.event_type}`)
    },
    onError: (err) => say(`   stream ended: ${String(err)}`),
  })
  await Promise.race([open, handle.done])
  if (env.mock && patientId) {
    // Mock-only: cause some activity (a real workspace has its own).
    await client.surfaces.create({
      entity_id: patientId,
      title: 'Demo form',
      fields: [{ key: 'note', label: 'Anything to add?', field_type: 'text' }],
    })
    env.mock.simulateCall({ durationMs: 50 })
  }
  // Watch for a moment, or against the mock until the simulated call has ended.
  const until = Date.now() + watchMs
  while (Date.now() < until && !(env.mock && seen.includes('call.ended'))) {
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  handle.unsubscribe()
  await handle.done
  say(`   ${seen.length} events received`)
}

async function verifyWebhook(env: ExampleEnv) {
  let secret = 'whsec_demo_local_secret'
  const verdicts: string[] = []
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    try {
      const event = await parseWebhookEvent({ payload: Buffer.concat(chunks), headers: req.headers, secret })
      verdicts.push(`   ✓ verified ${event.type} (${event.id})`)
      res.writeHead(204).end()
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error
      verdicts.push(`   ✗ rejected a delivery: ${error.reason}`)
      res.writeHead(400).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`
  try {
    if (env.mock) {
      // Mock-only: the mock delivers to this local receiver, signed with the destination's secret.
      secret = env.mock.addWebhookDestination({ url, eventTypes: ['review.submitted'] }).secret
      env.mock.emit('review.submitted', { review_id: 'rev_demo', status: 'approved' })
      await env.mock.webhooksIdle()
    } else {
      say('   (a real platform cannot reach this machine: signing a sample locally instead)')
      const body = JSON.stringify({
        id: 'evt_demo',
        type: 'review.submitted',
        timestamp: new Date().toISOString(),
        data: {},
      })
      await fetch(url, {
        method: 'POST',
        headers: (await signWebhookPayload({ payload: body, secret })).headers,
        body,
      })
    }
    const forgedBody = JSON.stringify({
      id: 'evt_forged',
      type: 'review.submitted',
      timestamp: new Date().toISOString(),
      data: {},
    })
    const forged = await signWebhookPayload({ payload: forgedBody, secret: 'someone-elses-secret' })
    await fetch(url, { method: 'POST', headers: forged.headers, body: forgedBody })
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
  for (const v of verdicts) say(v)
}

if (isMain(import.meta.url)) {
  const connection = await connect()
  try {
    await main(connection.env)
  } catch (error) {
    console.error('\ndemo failed:', error)
    process.exitCode = 1
  } finally {
    await connection.close()
  }
}
