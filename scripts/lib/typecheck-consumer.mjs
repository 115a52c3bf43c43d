// Type-checks a consumer of the installed packages the strictest usual way: `moduleResolution:
// nodenext` with `skipLibCheck: false`, so every published declaration file is checked as a user's
// compiler reads it, from an ES module (each entry's `import` types) and from a CommonJS one (its
// `require` types). A dependency's type leaking into a declaration (a CommonJS default export used
// as a class, say) compiles under `bundler` resolution or with skipLibCheck, and fails here.
// Each compiler in COMPILERS checks them: the workspace's own and the oldest TypeScript the
// packages support (4.9), so a declaration written with newer syntax or a newer lib type fails;
// and each project kind in ENVIRONMENTS, so one that names a type only the DOM library (or only
// @types/node) declares fails.
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { exec } from '../runtimes/exec.mjs'

const repoRoot = new URL('../..', import.meta.url).pathname
const require = createRequire(import.meta.url)

/** The compilers the declarations must satisfy, by the TypeScript version users see in the docs. */
export const COMPILERS = [
  { version: require('typescript/package.json').version, tsc: require.resolve('typescript/bin/tsc') },
  { version: require('typescript-4.9/package.json').version, tsc: require.resolve('typescript-4.9/bin/tsc') },
]

/** `pkg`'s importable entries (`@amigo-ai/x`, `@amigo-ai/x/sub`) and whether each has `require` types. */
function entries(pkg) {
  return Object.entries(pkg.exports ?? {})
    .filter(([sub, target]) => sub !== './package.json' && typeof target === 'object')
    .map(([sub, target]) => ({
      spec: sub === '.' ? pkg.name : `${pkg.name}/${sub.slice(2)}`,
      cjs: 'require' in target,
    }))
}

/**
 * The projects a consumer compiles in: a Node.js service with the DOM library (TypeScript's default
 * for the target), one without it (`lib: ["ES2022"]`: Node presets leave the DOM out), and a browser app
 * without @types/node. The platform mock is a Node.js server, so the browser app does not import it.
 */
export const ENVIRONMENTS = [
  { name: 'Node.js', types: ['node'] },
  { name: 'Node.js without the DOM library', lib: ['ES2022'], types: ['node'] },
  {
    name: 'browser without @types/node',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: [],
    nodeOnly: ['@amigo-ai/platform-mock'],
  },
]

/**
 * Writes an ES module and a CommonJS consumer of every entry of `pkgs` into `app` (where they are
 * installed) and compiles both with `tsc` (a COMPILERS entry's) in `env` (an ENVIRONMENTS entry);
 * resolves `{ ok, out, entries }` with the compiler's report. Its files are named after `name`, so
 * several runs can share `app` at once.
 */
export async function typecheckConsumer(
  app,
  pkgs,
  tsc = COMPILERS[0].tsc,
  env = ENVIRONMENTS[0],
  name = 'consumer',
) {
  const all = pkgs.filter(({ pkg }) => !env.nodeOnly?.includes(pkg.name)).flatMap(({ pkg }) => entries(pkg))
  const names = all.map((_, i) => `m${i}`)
  const esm = all.map((e, i) => `import * as ${names[i]} from '${e.spec}'`)
  const cjs = all.flatMap((e, i) => (e.cjs ? [`import ${names[i]} = require('${e.spec}')`] : []))
  const [esmFile, cjsFile, config] = [`esm-${name}.mts`, `cjs-${name}.cts`, `tsconfig.${name}.json`]
  writeFileSync(join(app, esmFile), `${esm.join('\n')}\nconsole.log(${names.join(', ')})\n`)
  const used = all.flatMap((e, i) => (e.cjs ? [names[i]] : []))
  writeFileSync(join(app, cjsFile), `${cjs.join('\n')}\nconsole.log(${used.join(', ')})\n`)
  const options = {
    strict: true,
    noEmit: true,
    target: 'ES2022',
    ...(env.lib && { lib: env.lib }),
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    skipLibCheck: false,
    types: env.types,
    typeRoots: [join(repoRoot, 'node_modules', '@types')],
  }
  writeFileSync(join(app, config), JSON.stringify({ compilerOptions: options, files: [esmFile, cjsFile] }))
  const r = await exec(process.execPath, [tsc, '-p', join(app, config)], { cwd: app, timeoutMs: 300_000 })
  return { ok: r.code === 0, out: r.output.trim(), entries: all.length }
}
