// A throw-away copy of the parts of the repository the spec scripts read and write, so tests can
// run gen / openapi:sync for real without touching the checkout.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { UPSTREAM_SNAPSHOT } from '../spec/paths.mjs'

/** Repository root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** Generated files (repository-relative). */
export const generatedFiles = [
  'packages/platform-sdk/src/generated/openapi.ts',
  'packages/realtime/src/generated/events.ts',
  'packages/webhooks/src/generated/events.ts',
]

/** A temp copy of scripts/, the upstream snapshot, openapi.json and the generated files, with node_modules linked. */
export interface Sandbox {
  root: string
  /** SHA-256 of the snapshot, openapi.json and every generated file, keyed by relative path. */
  fingerprint(): Record<string, string>
  read(rel: string): string
  remove(): void
}

export function makeSandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'amigo-spec-'))
  cpSync(join(repoRoot, 'scripts'), join(root, 'scripts'), { recursive: true })
  cpSync(join(repoRoot, 'openapi.json'), join(root, 'openapi.json'))
  for (const rel of [UPSTREAM_SNAPSHOT, ...generatedFiles]) {
    mkdirSync(dirname(join(root, rel)), { recursive: true })
    cpSync(join(repoRoot, rel), join(root, rel))
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir')
  const read = (rel: string) => readFileSync(join(root, rel), 'utf8')
  return {
    root,
    read,
    fingerprint() {
      const out: Record<string, string> = {}
      for (const rel of [UPSTREAM_SNAPSHOT, 'openapi.json', ...generatedFiles]) {
        out[rel] = createHash('sha256').update(read(rel)).digest('hex')
      }
      return out
    },
    remove() {
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** Result of a finished child process. */
export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `node <script> ...args` in `cwd` without blocking the event loop (in-process servers keep answering). */
export function runNode(cwd: string, script: string, args: string[] = []): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0' },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => {
      stdout += c
    })
    child.stderr.on('data', (c) => {
      stderr += c
    })
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}
