import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['scripts/test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/repo.json' },
    testTimeout: 60_000,
    // Most of these tests wait on child processes (tsc, the generator, pnpm): two files at a time
    // keep both cores busy.
    maxWorkers: 2,
    passWithNoTests: true,
  },
})
