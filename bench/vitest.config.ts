import { defineConfig } from 'vitest/config'

// The bench measures built packages, so its smoke test resolves @amigo-ai/* through node_modules
// (dist), like the bench itself; the shared config's source aliases are deliberately not used.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    testTimeout: 20_000,
  },
})
