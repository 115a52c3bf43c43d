// `@amigo-ai/platform-sdk/lite`: `createAmigo` and the resource classes, for bundle-sensitive code
// (serverless functions, browser apps). Nothing here holds a list of every resource, so a bundler
// keeps only the classes an app builds. The core errors, guards and types come along.

export * from '@amigo-ai/core'
export * from './client-config'
export { createAmigo } from './create-amigo'
export type { RealtimeLoader, RealtimeModule } from './realtime/load-realtime'
export * from './resources'
export type * from './types'
export { VERSION } from './version'
