import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const pkgDir = new URL('..', import.meta.url).pathname

// The published core is ONE file (tsup bundles src/ into dist/index.js), so a bundler can only drop
// the transport from an app that does not use it when no top-level statement of that file touches
// it (a loop over the prototype, a computed Symbol.for(...) class key...). This rebuilds that single
// file the way tsup does, then bundles an app importing only an error class from it.
async function singleFileCore(): Promise<{ text: string; imports: string[] }> {
  const result = await build({
    entryPoints: [`${pkgDir}src/index.ts`],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    define: { __PACKAGE_VERSION__: '"0.0.0-test"' },
    logLevel: 'silent',
  })
  const imports = Object.values(result.metafile!.outputs).flatMap((o) => o.imports.map((i) => i.path))
  return { text: result.outputFiles[0]!.text, imports }
}

describe('tree-shaking of the built entry', () => {
  it('core imports no other package (nothing for a runtime to resolve, load or bundle)', async () => {
    const { imports } = await singleFileCore()
    expect(imports).toEqual([])
  })

  it('an app importing only ConfigurationError carries neither the transport nor its serializers', async () => {
    const { text: core } = await singleFileCore()
    const app = await build({
      stdin: {
        contents: "import { ConfigurationError } from './core.js'\nglobalThis.E = ConfigurationError\n",
        resolveDir: pkgDir,
        loader: 'js',
      },
      plugins: [
        {
          name: 'in-memory-core',
          setup(b) {
            b.onResolve({ filter: /^\.\/core\.js$/ }, () => ({ path: 'core.js', namespace: 'mem' }))
            b.onLoad({ filter: /.*/, namespace: 'mem' }, () => ({
              contents: core,
              loader: 'js',
              resolveDir: pkgDir,
            }))
          },
        },
      ],
      bundle: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    })
    const text = app.outputFiles[0]!.text
    expect(text).toContain('ConfigurationError')
    expect(text).not.toContain('apiKey getter must return') // the transport
    expect(text).not.toContain('boolean or valid Date, or a list of them') // the query serializer
  })
})
