import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['scripts/test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/repo.json' },
    testTimeout: 60_000,
    passWithNoTests: true,
  },
})
