declare const rawBody: string
declare const signature: string
declare const secret: string

// ---- example ----
import { parseWebhookEvent } from '@amigo-ai/platform-sdk'

const event = await parseWebhookEvent(rawBody, signature, secret)
