import { dirname, join } from 'node:path'
import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared'

const shared = packageBuild(new URL('./package.json', import.meta.url), {
  // Two entries, `index` (everything, AmigoClient) and `lite` (createAmigo and the resource classes),
  // split into shared chunks so the resource classes exist once whichever entry an app loads.
  entry: { index: 'src/index.ts', lite: 'src/lite.ts' },
  splitting: true,
  // Each format loads packages by name in its own module system (src/realtime/import-by-name.ts).
  esbuildOptions(options, { format }) {
    options.define = { ...options.define, __CJS_REQUIRE__: format === 'cjs' ? 'require' : 'undefined' }
  },
})

// Two builds of the same sources: dist/ for Node, Bun and Deno, and dist/web/ for the export
// conditions browser, worker, workerd and edge-light, where src/realtime/import-by-name.ts is
// replaced by its `.browser.ts` twin (no dynamic import of a computed name: workerd refuses a script
// holding one). The declarations are the same, so only the Node build writes them. Each build
// cleans only its own files because tsup runs them in parallel.
//
// The Node build carries the built code of core, realtime, webhooks and auth-node in its own chunks:
// Node's ES module loader pays for every file it loads and links, so importing the umbrella loads two
// files rather than ten (bench: cold import). Their third-party imports (eventsource-parser, and the
// optional peers ws and open loaded by name) stay imports, declared in package.json. The declarations
// still point at the packages, and the web build leaves them as imports so bundlers dedupe them.
export default defineConfig([
  {
    ...shared,
    clean: ['index.*', 'lite.*', 'chunk-*', 'version-*'],
    noExternal: [/^@amigo-ai\/(core|realtime|webhooks|auth-node)(\/|$)/],
  },
  {
    ...shared,
    outDir: 'dist/web',
    dts: false,
    esbuildPlugins: [
      {
        name: 'import-by-name-browser-twin',
        setup(build) {
          build.onResolve({ filter: /\/import-by-name$/ }, (args) => ({
            path: join(dirname(args.importer), 'import-by-name.browser.ts'),
          }))
        },
      },
    ],
  },
])
