import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

// Two entries: `index` for Node (file storage, browser launcher) and `browser` for browsers and
// edge runtimes, whose Node-only exports throw when called and which imports no `node:` module.
export default defineConfig({
  entry: { index: 'src/index.ts', browser: 'src/browser.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  splitting: false,
  treeshake: true,
  tsconfig: 'tsconfig.build.json',
  define: { __PACKAGE_VERSION__: JSON.stringify(pkg.version) },
})
