import { readFileSync } from 'node:fs'
import { defineConfig, type Options } from 'tsup'
import { browserNodeStubs } from './build/browser-node-stubs'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

const shared: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  target: 'es2022',
  splitting: false,
  treeshake: true,
  tsconfig: 'tsconfig.build.json',
  define: { __PACKAGE_VERSION__: JSON.stringify(pkg.version) },
}

// Two builds of the same sources: `index` for Node (falls back to a lazily imported `ws` where
// there is no global WebSocket) and `browser` (export conditions browser/worker/workerd/edge-light),
// where src/node/* is replaced by its browser twin, so `ws` and `node:` never reach those bundles.
// `urls` (the `./urls` subpath: URL builders only) never reaches src/node/, so one build serves all.
// Each build cleans only its own files because tsup runs them in parallel.
export default defineConfig([
  { ...shared, entry: { index: 'src/index.ts', urls: 'src/urls.ts' }, clean: ['index.*', 'urls.*'] },
  {
    ...shared,
    entry: { browser: 'src/index.ts' },
    clean: ['browser.*'],
    esbuildPlugins: [browserNodeStubs()],
  },
])
