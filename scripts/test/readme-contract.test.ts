import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { repoRoot } from './sandbox'

const tsc = createRequire(join(repoRoot, 'package.json')).resolve('typescript/bin/tsc')
const dir = mkdtempSync(join(tmpdir(), 'amigo-readme-types-'))

const typecheck = (file: string) =>
  new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const config = join(dir, `${file.replace(/\W/g, '_')}.json`)
    writeFileSync(
      config,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          skipLibCheck: true,
          types: [],
        },
        files: [file],
      }),
    )
    const child = spawn(process.execPath, [tsc, '-p', config], { cwd: repoRoot })
    let out = ''
    child.stdout.on('data', (c) => {
      out += c
    })
    child.stderr.on('data', (c) => {
      out += c
    })
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, out }))
  })

describe('README examples against the generated types', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('every request body, query and response field the README uses type-checks (and wrong ones do not)', async () => {
    const r = await typecheck(join(repoRoot, 'scripts/test/fixtures/readme-contract.ts'))
    expect(r.out).toBe('')
    expect(r.code).toBe(0)
  }, 120_000)
})
