// Shared vitest settings: tests import workspace packages from their sources, so a package's
// tests never depend on another package's build being fresh. The packed tarballs are tested
// separately (scripts/check-tarballs.mjs) exactly as users install them.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { configDefaults, defineConfig } from 'vitest/config'

/**
 * Where each package's vitest JSON report goes (relative to the package). The runtime matrix runs
 * the suite under two Node versions at once and gives each its own folder through this variable.
 */
export const JSON_REPORT = `${process.env.AMIGO_TEST_REPORT_DIR || 'test-results'}/vitest.json`

const src = (dir: string) => fileURLToPath(new URL(`./packages/${dir}/src/index.ts`, import.meta.url))

/**
 * Test files run in worker threads, which start and load modules at about two thirds of the CPU cost
 * of forked processes; two workers, so a suite waiting on sockets and child processes still keeps
 * both cores busy. A package whose tests need what only a process has (`process.umask()`, a `HOME`
 * that `os.homedir()` sees) asks for `forks`.
 */
export interface PackageTestOptions {
  setupFiles?: string[]
  pool?: 'threads' | 'forks'
  /**
   * `false`: the test files of a worker share one module graph instead of each loading it afresh,
   * which is most of the CPU a unit suite spends. The price is shared state: each test restores what
   * it changes (timers, `process.env`, globals, servers) and imports what it mocks after
   * `vi.resetModules()`, and a helper registers its hooks when called, not when imported (a worker
   * imports it only once). A package keeps the default when a test relies on fresh modules.
   */
  isolate?: boolean
  /**
   * Test files whose outcome cannot depend on the Node version running them: a type check of
   * samples by tsc, a check that a generated file is current. The runtime matrix's Node 22 and 24
   * suites leave them out (`AMIGO_VERSION_SUITE=1`, scripts/runtimes/node-suites.mjs); `pnpm test`
   * and the matrix's Node 20 suite run them.
   */
  versionIndependent?: string[]
}

/**
 * The `dist` folders missing among the workspace packages (`@amigo-ai/*`) the package at `pkgJsonUrl`
 * depends on at run time (`dependencies`; test-only ones load from source): its tests that run built
 * code (a spawned CLI, the examples) say what to build first rather than failing each on an
 * unresolvable import.
 */
export function unbuiltDependencies(pkgJsonUrl: URL): string[] {
  const { dependencies } = JSON.parse(readFileSync(pkgJsonUrl, 'utf8'))
  return Object.keys(dependencies ?? {})
    .filter((name) => name.startsWith('@amigo-ai/'))
    .map((name) => fileURLToPath(new URL(`./node_modules/${name}/dist`, pkgJsonUrl)))
    .filter((dist) => !existsSync(dist))
}

export function packageTestConfig(
  pkgJsonUrl: URL,
  { setupFiles = [], pool = 'threads', isolate = true, versionIndependent = [] }: PackageTestOptions = {},
) {
  const pkg = JSON.parse(readFileSync(pkgJsonUrl, 'utf8'))
  return defineConfig({
    // `__CJS_REQUIRE__` (packages/platform-sdk/src/realtime/import-by-name.ts) is a function in the
    // CJS build. Tests take that path with the loader a setup file may install, so a package loaded
    // by name is the same source module the tests import (test/setup/ in the umbrella).
    define: {
      __PACKAGE_VERSION__: JSON.stringify(pkg.version),
      __CJS_REQUIRE__: 'globalThis.__AMIGO_TEST_REQUIRE__',
    },
    resolve: {
      alias: {
        '@amigo-ai/core': src('core'),
        // Subpath entries before their package: an alias also matches `<key>/...`.
        '@amigo-ai/webhooks/sign': fileURLToPath(new URL('./packages/webhooks/src/sign.ts', import.meta.url)),
        '@amigo-ai/webhooks': src('webhooks'),
        '@amigo-ai/realtime/urls': fileURLToPath(new URL('./packages/realtime/src/urls.ts', import.meta.url)),
        '@amigo-ai/realtime': src('realtime'),
        '@amigo-ai/auth-node': src('auth-node'),
        '@amigo-ai/platform-sdk/lite': fileURLToPath(
          new URL('./packages/platform-sdk/src/lite.ts', import.meta.url),
        ),
        '@amigo-ai/platform-sdk': src('platform-sdk'),
        '@amigo-ai/platform-mock': src('mock'),
        '@amigo-ai/test-server': src('test-server'),
      },
    },
    test: {
      include: ['test/**/*.test.ts'],
      exclude: [
        ...configDefaults.exclude,
        ...(process.env.AMIGO_VERSION_SUITE === '1' ? versionIndependent : []),
      ],
      setupFiles,
      reporters: ['default', 'json'],
      outputFile: { json: JSON_REPORT },
      testTimeout: 20_000,
      pool,
      isolate,
      maxWorkers: 2,
    },
  })
}
