// packages/platform-sdk/README.md, ## Resources at a glance

import type { AmigoClient } from '@amigo-ai/platform-sdk'

declare const amigo: AmigoClient

// ---- example ----
const { data, requestId } = await amigo.GET('/v1/{workspace_id}/analytics/surfaces/completion-rates', {
  params: { query: { days: 30 } },
})
