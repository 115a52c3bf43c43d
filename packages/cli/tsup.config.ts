import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

// One executable ESM entry. Splitting puts each command (imported lazily by the program) in its own
// chunk, so `amigo --help` loads the argument parser and nothing of the SDK.
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  dts: false,
  clean: true,
  target: 'es2022',
  platform: 'node',
  splitting: true,
  treeshake: true,
  tsconfig: 'tsconfig.build.json',
  banner: { js: '#!/usr/bin/env node' },
  define: { __PACKAGE_VERSION__: JSON.stringify(pkg.version) },
})
