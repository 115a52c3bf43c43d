import { packageTestConfig } from '../../vitest.shared.js'

export default packageTestConfig(new URL('./package.json', import.meta.url), {
  setupFiles: ['test/setup/require-by-name.ts'],
  isolate: false,
  // tsc on the README samples, and api.md against the sources.
  versionIndependent: ['test/readme-examples.test.ts', 'test/api-md.test.ts'],
})
