import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

// Two entries, `index` (everything, AmigoClient) and `lite` (createAmigo and the resource classes),
// split into shared chunks so the resource classes exist once whichever entry an app loads.
export default defineConfig({
  entry: { index: 'src/index.ts', lite: 'src/lite.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  splitting: true,
  treeshake: true,
  tsconfig: 'tsconfig.build.json',
  define: { __PACKAGE_VERSION__: JSON.stringify(pkg.version) },
  // Each format loads packages by name in its own module system (src/realtime/import-by-name.ts).
  esbuildOptions(options, { format }) {
    options.define = { ...options.define, __CJS_REQUIRE__: format === 'cjs' ? 'require' : 'undefined' }
  },
})
