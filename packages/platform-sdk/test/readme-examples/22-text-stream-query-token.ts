import type { AmigoClient } from '@amigo-ai/platform-sdk'

declare const client: AmigoClient
declare const apiKey: string
// ---- example ----
// WARNING: query tokens can be captured by URL logs and browser history.
const url = client.conversations.textStreamUrl({ serviceId: 'service-id', token: apiKey })
const socket = new WebSocket(url)
