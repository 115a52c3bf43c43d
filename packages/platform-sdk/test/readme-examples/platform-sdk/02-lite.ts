// packages/platform-sdk/README.md, ### Only the resources you use: `@amigo-ai/platform-sdk/lite`

// ---- example ----
import { AgentsResource, createAmigo } from '@amigo-ai/platform-sdk/lite'

const amigo = createAmigo({ apiKey: process.env.AMIGO_API_KEY!, workspaceId: process.env.AMIGO_WORKSPACE_ID! })
const agents = new AgentsResource(amigo)

const page = await agents.list({ limit: 20 }) // typed exactly as amigo.agents.list on AmigoClient
const { data } = await amigo.transport.GET('/v1/{workspace_id}/services') // the typed low-level helpers
