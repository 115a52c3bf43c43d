// The published packages, resolved to the entries of their built dist (through node_modules,
// as a user's runtime would).
import { realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The bench folder. */
export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url))

/** Published package name → the folder its import resolves from (auth-node only via the umbrella). */
const FROM = {
  '@amigo-ai/core': BENCH_DIR,
  '@amigo-ai/webhooks': BENCH_DIR,
  '@amigo-ai/realtime': BENCH_DIR,
  '@amigo-ai/auth-node': join(BENCH_DIR, 'node_modules/@amigo-ai/platform-sdk'),
  '@amigo-ai/platform-sdk': BENCH_DIR,
  '@amigo-ai/platform-mock': BENCH_DIR,
}

/** Names of the published packages, smallest layer first. */
export const PACKAGES = Object.keys(FROM)

/** The folder from which `name` resolves (for esbuild's resolveDir). */
export const resolveDirOf = (name) => realpathSync(FROM[name])

/**
 * Absolute path of the entry a package's dist gives one export condition (`import` by default, or
 * `require`), for the package or one of its subpaths.
 */
export function distEntry(specifier, condition = 'import') {
  const name = specifier.split('/').slice(0, 2).join('/')
  const subpath = `.${specifier.slice(name.length)}`
  const require = createRequire(join(resolveDirOf(name), 'package.json'))
  const pkgJson = require.resolve(`${name}/package.json`)
  const pkg = require(pkgJson)
  const target = pkg.exports[subpath][condition]
  return join(dirname(pkgJson), target.default ?? target)
}
