import { packageTestConfig } from '../../vitest.shared.js'

// Not isolated: the test files of a worker share one module graph (a command's modules load once per
// worker, not once per file); test/setup/cli.ts registers the helpers' hooks for each file.
export default packageTestConfig(new URL('./package.json', import.meta.url), {
  isolate: false,
  setupFiles: ['test/setup/cli.ts'],
})
