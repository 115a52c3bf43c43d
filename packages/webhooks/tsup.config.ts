import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

export default defineConfig({
  // Signing (for tests and senders) is its own entry, so a handler's bundle carries only verification.
  entry: ['src/index.ts', 'src/sign.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  splitting: false,
  treeshake: true,
  tsconfig: 'tsconfig.build.json',
  define: { __PACKAGE_VERSION__: JSON.stringify(pkg.version) },
})
