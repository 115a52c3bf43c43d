import { defineConfig } from 'vitest/config'
import { JSON_REPORT } from '../vitest.shared.js'

// The bench measures built packages, so its smoke test resolves @amigo-ai/* through node_modules
// (dist), like the bench itself; the shared config's source aliases are deliberately not used.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: JSON_REPORT },
    testTimeout: 20_000,
  },
})
