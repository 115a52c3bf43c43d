// Node-only: loads the `ws` package for runtimes without a global WebSocket (Node 20). `ws` is an
// optional peer dependency: the specifier is not a literal, so no bundler resolves or includes it
// (a bundled app that needs it on Node 20 passes the `WebSocket` option instead), and when it is
// not installed the error says exactly what to do. Browser bundles get load-ws.browser.ts instead.
import { ConfigurationError } from '@amigo-ai/core'
import type { WebSocketConstructor } from '../websocket/websocket-types'

const WS = 'ws'
let loading: Promise<WebSocketConstructor> | undefined

/** Imports `ws` once, on first use, and returns its WebSocket class. */
export function loadNodeWebSocket(): Promise<WebSocketConstructor> {
  loading ??= import(/* webpackIgnore: true */ /* @vite-ignore */ WS).then(
    (mod: { WebSocket?: unknown; default?: unknown }) =>
      (mod.WebSocket ?? mod.default) as WebSocketConstructor,
    (error: unknown) => {
      loading = undefined
      throw new ConfigurationError(
        'This runtime has no global WebSocket (Node.js 20) and the optional "ws" package could not be loaded: run `npm install ws`, or pass a WebSocket class as the `WebSocket` option',
        { cause: error },
      )
    },
  )
  return loading
}
