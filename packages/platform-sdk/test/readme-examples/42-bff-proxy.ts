import { AmigoClient } from '@amigo-ai/platform-sdk'

declare const customFetchWithCookies: typeof fetch
// ---- example ----
const client = new AmigoClient({
  apiKey: 'bff-proxy',
  workspaceId: 'ws-id',
  baseUrl: '/api/platform',
  fetch: customFetchWithCookies,
})
