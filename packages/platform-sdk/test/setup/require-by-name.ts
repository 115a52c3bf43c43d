// The umbrella loads @amigo-ai/realtime by name (src/realtime/import-by-name.ts). Under test, the
// name resolves to the same source module the tests import, not to the built package.
import * as realtime from '@amigo-ai/realtime'

const modules: Record<string, unknown> = { '@amigo-ai/realtime': realtime }

;(globalThis as { __AMIGO_TEST_REQUIRE__?: (name: string) => unknown }).__AMIGO_TEST_REQUIRE__ = (name) => {
  if (name in modules) return modules[name]
  throw new Error(`Cannot find module '${name}' (test loader)`)
}
