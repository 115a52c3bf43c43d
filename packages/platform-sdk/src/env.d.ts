/** Replaced at build time (tsup `define`) with this package's version from package.json. */
declare const __PACKAGE_VERSION__: string
/** tsup `define`: Node's `require` in the CJS build, `undefined` in the ESM build (and in tests). */
declare const __CJS_REQUIRE__: ((id: string) => unknown) | undefined
