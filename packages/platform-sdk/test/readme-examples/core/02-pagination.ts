// packages/core/README.md, ### Pagination

import type { Transport } from '@amigo-ai/core'

// The pagination sample continues the transport sample, whose `api` it uses.
declare const api: Transport<import('./generated/api').paths>

// ---- example ----
import { autoPage, type PageCursor } from '@amigo-ai/core'
import type { components, paths } from './generated/api.js'

type AgentQuery = paths['/v1/{workspace_id}/agents']['get']['parameters']['query']
type Agent = components['schemas']['AgentResponse']

// The cursor is the loop's `params` plus the next page's token or offset.
const fetchPage = async (cursor: PageCursor) =>
  (await api.GET('/v1/{workspace_id}/agents', { params: { query: cursor as AgentQuery } })).data
for await (const agent of autoPage<Agent>(fetchPage, { params: { limit: 100 }, maxPageSize: 20 })) {
  console.log(agent.name)
}
