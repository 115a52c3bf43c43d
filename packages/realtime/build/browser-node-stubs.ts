// esbuild plugin used by the browser build (tsup.config.ts) and the bundle tests: every import of a
// Node-only module under src/node/ resolves to its `*.browser.ts` twin, so neither `ws` nor any
// `node:` module can reach a browser or worker bundle.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Plugin } from 'esbuild'

/** Redirects `…/node/<name>` imports from package sources to `…/node/<name>.browser.ts`. */
export function browserNodeStubs(): Plugin {
  return {
    name: 'amigo-realtime-browser-node-stubs',
    setup(build) {
      build.onResolve({ filter: /(^|\/)node\/[^/]+$/ }, (args) => {
        if (!args.path.startsWith('.')) return undefined
        const target = join(resolve(dirname(args.importer), args.path))
        const stub = `${target}.browser.ts`
        if (!existsSync(stub)) throw new Error(`No browser twin for ${args.path} (expected ${stub})`)
        return { path: stub }
      })
    },
  }
}
