// Size budget of the ESM entry: bundled, minified and gzipped, the way a webhook handler's bundle
// would carry it. Usage: `node scripts/size.mjs [entry]` (default dist/index.js); exits 1 over budget.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

/** Budget in bytes for the minified + gzipped ESM bundle. */
export const BUDGET = 2048

/** Bundles `entry` (ESM, minified) and returns its raw and gzipped sizes in bytes. */
export async function measure(entry = fileURLToPath(new URL('../dist/index.js', import.meta.url))) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    define: { __PACKAGE_VERSION__: JSON.stringify(pkg.version) },
  })
  const code = result.outputFiles[0].contents
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { minified, gzipped } = await measure(process.argv[2])
  const verdict = gzipped <= BUDGET ? 'within' : 'OVER'
  console.log(
    `@amigo-ai/webhooks ESM: ${minified} B minified, ${gzipped} B gzipped (${verdict} ${BUDGET} B budget)`,
  )
  if (gzipped > BUDGET) process.exit(1)
}
