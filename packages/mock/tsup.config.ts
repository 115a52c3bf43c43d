import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))
const shared = {
  target: 'es2022',
  splitting: false,
  treeshake: true,
  tsconfig: 'tsconfig.build.json',
  // import.meta.url is used to find the shipped spec; the CJS build needs the shim.
  shims: true,
  define: { __PACKAGE_VERSION__: JSON.stringify(pkg.version) },
} as const

export default defineConfig([
  { ...shared, entry: ['src/index.ts'], format: ['esm', 'cjs'], dts: true, clean: true },
  {
    ...shared,
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  },
])
