import type { AmigoClient } from '@amigo-ai/platform-sdk'

declare const client: AmigoClient
// ---- example ----
const agent = await client.agents.withOptions({ timeout: 2_000 }).get('agent-id')
