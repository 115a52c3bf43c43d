/** Replaced at build time (tsup `define`) with this package's version from package.json. */
declare const __PACKAGE_VERSION__: string
/** Declared for the umbrella's sources, which this package's type-check reads through path mapping. */
declare const __CJS_REQUIRE__: ((id: string) => unknown) | undefined
