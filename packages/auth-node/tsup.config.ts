import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared'

// Two entries: `index` for Node (file storage, browser launcher) and `browser` for browsers and
// edge runtimes, whose Node-only exports throw when called and which imports no `node:` module.
export default defineConfig(
  packageBuild(new URL('./package.json', import.meta.url), {
    entry: { index: 'src/index.ts', browser: 'src/browser.ts' },
  }),
)
