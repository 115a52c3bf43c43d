import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared'

// One executable ESM entry. Splitting puts each command (imported lazily by the program) in its own
// chunk, so `amigo --help` loads the argument parser and nothing of the SDK.
export default defineConfig(
  packageBuild(new URL('./package.json', import.meta.url), {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    platform: 'node',
    splitting: true,
    banner: { js: '#!/usr/bin/env node' },
  }),
)
