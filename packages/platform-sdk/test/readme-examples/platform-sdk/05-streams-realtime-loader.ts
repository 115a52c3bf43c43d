// packages/platform-sdk/README.md, ## Streams

import { AmigoClient } from '@amigo-ai/platform-sdk'

declare const apiKey: string
declare const workspaceId: string

// ---- example ----
const amigo = new AmigoClient({ apiKey, workspaceId, realtime: () => import('@amigo-ai/realtime') })
