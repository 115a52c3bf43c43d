// The examples are tested the way users run them: `@amigo-ai/*` resolves through node_modules to
// each package's built dist (turbo builds the dependencies first). While working on a package without
// rebuilding, EXAMPLES_FROM_SOURCE=1 points the imports at the sources instead.

import { defineConfig } from 'vitest/config'
import { packageTestConfig } from '../vitest.shared.js'

const fromSource = process.env.EXAMPLES_FROM_SOURCE === '1'
const base = packageTestConfig(new URL('./package.json', import.meta.url))

export default defineConfig({
  ...(fromSource ? { define: base.define, resolve: base.resolve } : {}),
  test: {
    ...base.test,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
