// packages/core/README.md, ## Transport

// ---- example ----
import { Transport } from '@amigo-ai/core'
import type { paths } from './generated/api.js'

const api = new Transport<paths>({
  apiKey: process.env.AMIGO_API_KEY!, // or a function returning one, e.g. tokenManager.asApiKey()
  workspaceId: 'ws-123',
  timeout: 10_000,
  retry: { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 30_000 },
})

const { data, requestId, rateLimit } = await api.GET('/v1/{workspace_id}/agents/{agent_id}', {
  params: { path: { agent_id: 'a-1' } }, // workspace_id is filled in from the config
  timeout: 2_000,
})
