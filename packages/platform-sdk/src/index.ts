// Not a re-export: lets resources be built from an openapi-fetch client (the single-package SDK's
// form), which the lite entry leaves out.
import './official-client'

export * from '@amigo-ai/auth-node'
export * from '@amigo-ai/core'
export * from '@amigo-ai/realtime'
export * from '@amigo-ai/webhooks'
export * from '@amigo-ai/webhooks/sign'
export { AmigoClient } from './client'
export * from './client-config'
export * from './ids/branded-ids'
export type { RealtimeLoader, RealtimeModule } from './realtime/load-realtime'
export * from './resources'
export type * from './schema-aliases'
export type * from './types'
export { VERSION } from './version'
