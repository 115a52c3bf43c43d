// packages/realtime/README.md, ## Workspace events (SSE)

declare const token: string
declare const done: boolean
declare function render(event: unknown): Promise<void>

// ---- example ----
import { workspaceEvents } from '@amigo-ai/realtime'

for await (const event of workspaceEvents({ workspaceId: 'ws-123', token })) {
  await render(event) // the connection is not read while this runs
  if (done) break // closes the connection
}
