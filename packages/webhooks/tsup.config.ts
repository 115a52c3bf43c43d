import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared'

export default defineConfig(
  packageBuild(new URL('./package.json', import.meta.url), {
    // Signing (for tests and senders) is its own entry, so a handler's bundle carries only verification.
    entry: ['src/index.ts', 'src/sign.ts'],
  }),
)
