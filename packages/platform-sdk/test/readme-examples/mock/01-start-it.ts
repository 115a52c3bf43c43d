// packages/mock/README.md, ## Start it

// ---- example ----
import { startMockPlatform } from '@amigo-ai/platform-mock'

const mock = await startMockPlatform({ port: 0, seed: 1 })

const res = await fetch(`${mock.url}/v1/${mock.workspaceId}/agents?limit=5`, {
  headers: { authorization: `Bearer ${mock.apiKey}` },
})
console.log((await res.json()).items.map((a: { name: string }) => a.name))

await mock.close()
