import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared'

export default defineConfig(
  packageBuild(new URL('./package.json', import.meta.url), { entry: ['src/index.ts'] }),
)
