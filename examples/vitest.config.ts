// The examples are tested the way users run them: `@amigo-ai/*` resolves through node_modules to
// each package's built dist (turbo builds the dependencies first). While working on a package without
// rebuilding, EXAMPLES_FROM_SOURCE=1 points the imports at the sources instead.

import { defineConfig } from 'vitest/config'
import { packageTestConfig, unbuiltDependencies } from '../vitest.shared.js'

const fromSource = process.env.EXAMPLES_FROM_SOURCE === '1'
const base = packageTestConfig(new URL('./package.json', import.meta.url))

// Without a build every file would fail alike on an unresolvable package entry; say what to run.
const unbuilt = unbuiltDependencies(new URL('./package.json', import.meta.url))
if (!fromSource && unbuilt.length)
  throw new Error(
    `the examples run on the built packages; build them first (pnpm --filter "@amigo-ai/examples..." build), or set EXAMPLES_FROM_SOURCE=1: no dist in ${unbuilt.join(', ')}`,
  )

export default defineConfig({
  ...(fromSource ? { define: base.define, resolve: base.resolve } : {}),
  test: {
    ...base.test,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
