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
  printReply('Hello, I need help scheduling', first.messages)
  const next = await client.conversations.sendMessage({
    service_id: service.id,
    conversation_id: first.conversation_id,
    message: 'Tuesday morning works',
  })
  printReply('Tuesday morning works', next.messages)

  // The explicit form: create a conversation, then send turns to it.
  const conversation = await client.conversations.create({ service_id: service.id })
  const turn = await client.conversations.createTurn(conversation.id, { message: 'What do I need to bring?' })
  printReply('What do I need to bring?', turn.output)

  // Streamed turn: tokens arrive as the agent writes them; `done` closes the turn.
  let streamed = ''
  console.log('you:   Thanks!')
  process.stdout.write('agent: ')
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

/** Prints one exchange; the reply may echo the user's message, which is skipped. */
function printReply(sent: string, messages: Array<{ role: string; text: string }>) {
  console.log(`you:   ${sent}`)
  for (const m of messages) if (m.role !== 'user') console.log(`agent: ${m.text}`)
}

await runExample(import.meta.url, main)
