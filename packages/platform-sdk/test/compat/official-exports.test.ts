// Every export of the official single-package SDK 0.46 that this package once lacked (the list in
// ./official-exports.json) must exist in the umbrella's public entry with a kind official code can
// use the same way: an interface stays an interface (users augment and implement it), a class stays
// a class (users subclass it and call `new`), a function stays a declared function, and every value
// is present at runtime. Kinds are read with the TypeScript compiler from the umbrella's source entry.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import * as sdk from '../../src/index'

interface OfficialExport {
  name: string
  kind: 'type' | 'interface' | 'class' | 'function' | 'const'
  signature: string
}

const facts = JSON.parse(readFileSync(new URL('./official-exports.json', import.meta.url), 'utf8')) as {
  exports: OfficialExport[]
}

const TYPE_ONLY = new Set(['type', 'interface'])

/** What each official kind may be declared as here. */
const ACCEPTED: Record<OfficialExport['kind'], ts.SyntaxKind[]> = {
  interface: [ts.SyntaxKind.InterfaceDeclaration],
  type: [ts.SyntaxKind.TypeAliasDeclaration, ts.SyntaxKind.InterfaceDeclaration],
  class: [ts.SyntaxKind.ClassDeclaration],
  function: [ts.SyntaxKind.FunctionDeclaration],
  const: [ts.SyntaxKind.VariableDeclaration, ts.SyntaxKind.FunctionDeclaration],
}

/** Declaration kinds of every export of the umbrella's entry, by name. */
function exportedKinds(): Map<string, ts.SyntaxKind[]> {
  const tsconfig = fileURLToPath(new URL('../../tsconfig.json', import.meta.url))
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      },
    },
  )
  if (!parsed) throw new Error('could not read tsconfig.json')
  const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url))
  const program = ts.createProgram([entry], parsed.options)
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(entry)
  const moduleSymbol = source && checker.getSymbolAtLocation(source)
  if (!moduleSymbol) throw new Error('the entry has no module symbol')
  const kinds = new Map<string, ts.SyntaxKind[]>()
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
    kinds.set(
      symbol.getName(),
      (target.getDeclarations() ?? []).map((d) => d.kind),
    )
  }
  return kinds
}

describe('every official 0.46 export exists with a compatible kind', () => {
  const kinds = exportedKinds()

  it.each(facts.exports.map((e) => [e.name, e] as const))('%s', (name, official) => {
    const declared = kinds.get(name)
    expect(declared, `${name} is not exported`).toBeDefined()
    const accepted = ACCEPTED[official.kind]
    expect(
      declared?.some((k) => accepted.includes(k)),
      `${name} is declared as ${declared?.map((k) => ts.SyntaxKind[k]).join('/')}; official code needs a ${official.kind}`,
    ).toBe(true)
    if (!TYPE_ONLY.has(official.kind)) {
      expect(typeof (sdk as Record<string, unknown>)[name], `${name} is missing at runtime`).toBe('function')
    }
  })
})
