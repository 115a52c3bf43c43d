import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared'

const shared = packageBuild(new URL('./package.json', import.meta.url), {
  // import.meta.url is used to find the shipped spec; the CJS build needs the shim.
  shims: true,
})

export default defineConfig([
  { ...shared, entry: ['src/index.ts'] },
  {
    ...shared,
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  },
])
