import { packageTestConfig } from '../../vitest.shared.js'

export default packageTestConfig(new URL('./package.json', import.meta.url), {
  setupFiles: ['test/setup/require-by-name.ts'],
  isolate: false,
})
