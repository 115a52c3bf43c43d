// List agents: one page with `list`, then every agent with `listAutoPaging`.
import { AmigoClient } from '@amigo-ai/platform-sdk'
import { type ExampleEnv, runExample } from '../_shared/connect'

export async function main(env: ExampleEnv) {
  const client = new AmigoClient(env)

  const page = await client.agents.list({ limit: 5 })
  console.log(`first page: ${page.items.map((agent) => agent.name).join(', ') || '(no agents)'}`)

  // A small page size makes the iterator fetch several pages; it requests the next one only
  // when the loop reaches it, so breaking out early costs no extra requests.
  const names: string[] = []
  for await (const agent of client.agents.listAutoPaging({ limit: 2 })) {
    names.push(agent.name)
  }
  console.log(`all agents (${names.length}): ${names.join(', ')}`)
  return { firstPage: page.items.length, total: names.length }
}

await runExample(import.meta.url, main)
