// The layering check must catch what docs/architecture.md forbids: run it on a copy of the packages with one
// forbidden import or dependency added, and on the untouched tree.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
// @ts-expect-error: plain ESM script without types
import { check } from '../check-layering.mjs'

const root = join(import.meta.dirname, '..', '..')
let copies: string[] = []
afterEach(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true })
  copies = []
})

function copyPackages(): string {
  const base = mkdtempSync(join(tmpdir(), 'amigo-layering-'))
  copies.push(base)
  cpSync(join(root, 'packages'), join(base, 'packages'), {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|dist|test-results)$/.test(src),
  })
  return base
}

describe('layering check', () => {
  it('passes on the repository as it is', () => {
    expect(check(root)).toEqual([])
  })

  it('fails when core imports the umbrella', () => {
    const base = copyPackages()
    appendFileSync(join(base, 'packages/core/src/index.ts'), "\nimport '@amigo-ai/platform-sdk'\n")
    expect(check(base).join('\n')).toMatch(/@amigo-ai\/core .*imports @amigo-ai\/platform-sdk/)
  })

  it('fails when webhooks gains a runtime dependency', () => {
    const base = copyPackages()
    const file = join(base, 'packages/webhooks/package.json')
    const pkg = JSON.parse(readFileSync(file, 'utf8'))
    pkg.dependencies = { 'left-pad': '1.3.0' }
    writeFileSync(file, JSON.stringify(pkg))
    expect(check(base).join('\n')).toMatch(/webhooks declares dependency "left-pad"/)
  })

  it('fails when the tokens folder of auth-node imports the device-code login (a folder cycle)', () => {
    const base = copyPackages()
    appendFileSync(
      join(base, 'packages/auth-node/src/tokens/token-manager.ts'),
      "\nimport '../device-code/login-with-device-code'\n",
    )
    expect(check(base).join('\n')).toMatch(
      /cycle between folders: src\/device-code -> src\/tokens -> src\/device-code/,
    )
  })

  // Each row adds one import that closes a cycle between two folders of that package.
  it.each([
    ['core', 'packages/core/src/errors/from-response.ts', '../retry/policy', /src\/errors -> src\/retry/],
    [
      'realtime',
      'packages/realtime/src/node/load-ws.ts',
      '../websocket/websocket-types',
      /src\/node -> src\/websocket/,
    ],
    [
      'platform-sdk',
      'packages/platform-sdk/src/realtime/load-realtime.ts',
      '../resources/base',
      /src\/realtime -> src\/resources/,
    ],
    [
      'platform-mock',
      'packages/mock/src/state/store.ts',
      '../simulation/calls',
      /src\/simulation -> src\/state/,
    ],
  ])('fails on a folder cycle in %s', (_pkg, file, target, cycle) => {
    const base = copyPackages()
    appendFileSync(join(base, file), `\nimport '${target}'\n`)
    expect(check(base).join('\n')).toMatch(cycle)
  })

  it('fails when a Node module reaches the universal realtime entry', () => {
    const base = copyPackages()
    appendFileSync(join(base, 'packages/realtime/src/index.ts'), "\nimport 'node:fs'\n")
    expect(check(base).join('\n')).toMatch(/realtime src\/index.ts imports Node-only "node:fs"/)
  })

  it('lets the CLI import the mock but no one else, and nothing import the CLI', () => {
    const base = copyPackages()
    appendFileSync(join(base, 'packages/cli/src/main.ts'), "\nimport '@amigo-ai/platform-mock'\n")
    expect(check(base)).toEqual([])
    appendFileSync(join(base, 'packages/platform-sdk/src/index.ts'), "\nimport '@amigo-ai/platform-mock'\n")
    appendFileSync(join(base, 'packages/mock/src/index.ts'), "\nimport '@amigo-ai/cli'\n")
    const problems = check(base).join('\n')
    expect(problems).toMatch(/platform-sdk src\/index.ts imports the mock/)
    expect(problems).toMatch(/platform-mock src\/index.ts imports the CLI; nothing may/)
  })

  it('fails when the CLI gains an undeclared third-party import', () => {
    const base = copyPackages()
    appendFileSync(join(base, 'packages/cli/src/main.ts'), "\nimport 'chalk'\n")
    expect(check(base).join('\n')).toMatch(/@amigo-ai\/cli src\/main.ts imports "chalk", not allowed/)
  })

  it('fails when a published package pins a dependency exactly', () => {
    const base = copyPackages()
    const file = join(base, 'packages/realtime/package.json')
    const pkg = JSON.parse(readFileSync(file, 'utf8'))
    pkg.dependencies['eventsource-parser'] = '3.1.1'
    writeFileSync(file, JSON.stringify(pkg))
    expect(check(base).join('\n')).toMatch(/@amigo-ai\/realtime pins "eventsource-parser" to "3.1.1"/)
  })
})
