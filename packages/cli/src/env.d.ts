/** Replaced at build time (tsup `define`) with this package's version from package.json. */
declare const __PACKAGE_VERSION__: string
