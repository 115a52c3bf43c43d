// Node-only: loads the `ws` package for runtimes without a global WebSocket (Node 20). Browser
// bundles get load-ws.browser.ts instead (package.json "browser" field), so `ws` never reaches them.
import { ConfigurationError } from '@amigo-ai/core'
import type { WebSocketConstructor } from '../websocket/websocket-types'

let loading: Promise<WebSocketConstructor> | undefined

/** Imports `ws` once, on first use, and returns its WebSocket class. */
export function loadNodeWebSocket(): Promise<WebSocketConstructor> {
  loading ??= import('ws').then(
    (mod) => (mod.WebSocket ?? (mod as { default?: unknown }).default) as unknown as WebSocketConstructor,
    (error: unknown) => {
      loading = undefined
      throw new ConfigurationError(
        'This runtime has no global WebSocket and the "ws" package could not be loaded; install ws or pass the WebSocket option',
        { cause: error },
      )
    },
  )
  return loading
}
