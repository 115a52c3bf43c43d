// Node-only: loads the `ws` package for runtimes without a global WebSocket (Node 20). `ws` is an
// optional peer dependency: the specifier is not a literal, so no bundler resolves or includes it
// (a bundled app that needs it on Node 20 passes the `WebSocket` option instead), and when it is
// not installed the error says exactly what to do. Browser bundles get load-ws.browser.ts instead.
import { ConfigurationError } from '@amigo-ai/core'

const WS = 'ws'
let loading: Promise<unknown> | undefined

/**
 * Imports `ws` once, on first use, and returns its WebSocket class (typed by the caller, the websocket
 * layer, which this Node-only loader does not import).
 */
export function loadNodeWebSocket(): Promise<unknown> {
  loading ??= import(/* webpackIgnore: true */ /* @vite-ignore */ WS).then(
    (mod: { WebSocket?: unknown; default?: unknown }) => mod.WebSocket ?? mod.default,
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
