// Text chat with a service: quick one-call messages, then an explicit conversation with a blocking
// turn and a streamed turn (the reply printed as it is produced).
import { AmigoClient } from '@amigo-ai/platform-sdk'
import { type ExampleEnv, runExample } from '../_shared/connect'

export async function main(env: ExampleEnv) {
  const client = new AmigoClient(env)

  const { items: services } = await client.services.list({ limit: 1 })
  const service = services[0]
  if (!service) {
    console.log('no service in this workspace to chat with')
    return { skipped: true as const }
  }

  // sendMessage: no conversation id starts a new conversation; passing it back continues it.
  const first = await client.conversations.sendMessage({
    service_id: service.id,
    message: 'Hello, I need help scheduling',
  })
  const next = await client.conversations.sendMessage({
    service_id: service.id,
    conversation_id: first.conversation_id,
    message: 'Tuesday morning works',
  })
  for (const message of [...first.messages, ...next.messages]) console.log(`${message.role}: ${message.text}`)

  // The explicit form: create a conversation, then send turns to it.
  const conversation = await client.conversations.create({ service_id: service.id })
  const turn = await client.conversations.createTurn(conversation.id, { message: 'What do I need to bring?' })
  console.log(`agent: ${turn.output.map((part) => part.text).join(' ')}`)

  // Streamed turn: tokens arrive as the agent writes them; `done` closes the turn.
  let streamed = ''
  process.stdout.write('agent (streaming): ')
  for await (const event of client.conversations.streamTurn(conversation.id, { message: 'Thanks!' })) {
    if (event.event === 'token') {
      streamed += event.text
      process.stdout.write(event.text)
    } else if (event.event === 'error') {
      throw new Error(`turn failed: ${event.message}`)
    } else if (event.event === 'done') {
      process.stdout.write(`\n(turn ${event.turn_count} done)\n`)
    }
  }

  // Conversations stay open until closed; closing frees the session on the platform side.
  await client.conversations.close(conversation.id)
  return { conversationId: first.conversation_id, replies: next.messages.length, streamed }
}

await runExample(import.meta.url, main)
