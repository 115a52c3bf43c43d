// Shared tsup settings: every package builds ESM and CJS for ES2022 from its own
// tsconfig.build.json, with its version compiled in as `__PACKAGE_VERSION__`. A package's
// tsup.config.ts passes only what is its own (entries, extra builds, plugins, banner, shims).
import { readFileSync } from 'node:fs'
import type { Options } from 'tsup'

/**
 * The common build options for the package whose package.json is at `pkgJsonUrl`, with `overrides`
 * on top. A `define` in `overrides` is added to the version define rather than replacing it.
 */
export function packageBuild(pkgJsonUrl: URL, overrides: Options = {}): Options {
  const pkg = JSON.parse(readFileSync(pkgJsonUrl, 'utf8'))
  return {
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
    splitting: false,
    treeshake: true,
    tsconfig: 'tsconfig.build.json',
    ...overrides,
    define: { __PACKAGE_VERSION__: JSON.stringify(pkg.version), ...overrides.define },
  }
}
