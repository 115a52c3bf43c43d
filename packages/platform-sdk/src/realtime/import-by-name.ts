/**
 * Loads a package by a name no bundler can see (not a literal), in the build's own module format: the
 * ESM build imports it, the CJS build requires it (so a CJS app gets the CJS copy, whose classes are
 * the ones it imported from this package, not a second ESM copy). `__CJS_REQUIRE__` is set per format
 * by tsup.config.ts.
 */
export function importByName(name: string): Promise<unknown> {
  if (__CJS_REQUIRE__) {
    const load = __CJS_REQUIRE__
    return new Promise((resolve) => resolve(load(name)))
  }
  return import(/* webpackIgnore: true */ /* @vite-ignore */ name)
}

/**
 * Loads a package by name synchronously, where that gives the very module `import` gives: the CJS
 * build requires it; the ESM build requires it on a Node.js that can require ES modules (20.19+,
 * 22.12+), where our packages' `module-sync` export condition points at their ESM build. Anywhere
 * else undefined, and the caller loads it with {@link importByName} instead.
 */
export function requireByName(name: string): unknown {
  if (__CJS_REQUIRE__) return __CJS_REQUIRE__(name)
  const node = (globalThis as { process?: NodeProcessLike }).process
  if (node?.features?.require_module !== true) return undefined
  return node.getBuiltinModule('node:module').createRequire(import.meta.url)(name)
}

/** The parts of Node's `process` this file reads (no @types/node in the published declarations). */
interface NodeProcessLike {
  features?: { require_module?: boolean }
  /** On every Node.js that has `features.require_module` (20.16+, 22.3+). */
  getBuiltinModule: (id: 'node:module') => { createRequire(from: string): (id: string) => unknown }
}
