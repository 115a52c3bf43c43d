import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared'
import { browserNodeStubs } from './build/browser-node-stubs'

const pkgJson = new URL('./package.json', import.meta.url)

// Two builds of the same sources: `index` for Node (falls back to a lazily imported `ws` where
// there is no global WebSocket) and `browser` (export conditions browser/worker/workerd/edge-light),
// where src/node/* is replaced by its browser twin, so `ws` and `node:` never reach those bundles.
// `urls` (the `./urls` subpath: URL builders only) never reaches src/node/, so one build serves all.
// Each build cleans only its own files because tsup runs them in parallel.
export default defineConfig([
  packageBuild(pkgJson, {
    entry: { index: 'src/index.ts', urls: 'src/urls.ts' },
    clean: ['index.*', 'urls.*'],
  }),
  packageBuild(pkgJson, {
    entry: { browser: 'src/index.ts' },
    clean: ['browser.*'],
    esbuildPlugins: [browserNodeStubs()],
  }),
])
