// packages/platform-sdk/README.md, ## First calls

// ---- example ----
import { AmigoClient, isNotFoundError } from '@amigo-ai/platform-sdk'

const amigo = new AmigoClient({
  apiKey: process.env.AMIGO_API_KEY!, // an API key, a JWT, or a function returning one
  workspaceId: process.env.AMIGO_WORKSPACE_ID!,
})

const page = await amigo.agents.list({ limit: 20 })
for (const agent of page.items) console.log(agent.id, agent.name)
console.log('request id', page._request_id, 'remaining quota', page.lastResponse.rateLimit.remaining)

// Walk every page without thinking about cursors; the page size is capped at what the API allows.
for await (const call of amigo.calls.listAutoPaging({ direction: 'inbound' })) {
  console.log(call.call_sid, call.duration_seconds)
}

try {
  await amigo.agents.get('00000000-0000-4000-8000-000000000000')
} catch (error) {
  if (isNotFoundError(error)) console.log('no such agent')
  else throw error
}
