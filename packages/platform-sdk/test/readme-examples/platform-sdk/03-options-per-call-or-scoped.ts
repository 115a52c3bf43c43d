// packages/platform-sdk/README.md, ## Options, per call or scoped

import type { AmigoClient } from '@amigo-ai/platform-sdk'

declare const amigo: AmigoClient
declare const entityId: string
declare const agentId: string

// ---- example ----
const patient = amigo.withOptions({ timeout: 5_000, headers: { 'X-Trace': 'abc' } })
await patient.world.getEntity(entityId)
await amigo.agents.withOptions({ maxRetries: 0 }).get(agentId)
