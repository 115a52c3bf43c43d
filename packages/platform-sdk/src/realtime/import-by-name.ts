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
