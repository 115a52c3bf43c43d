import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { OpenApiDocument } from './types'

/** Walks up from this module to the folder holding the mock's own package.json (works from src/ and dist/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === '@amigo-ai/platform-mock') return dir
      } catch {
        // not ours; keep walking
      }
    }
    dir = dirname(dir)
  }
  return dirname(dirname(fileURLToPath(import.meta.url)))
}

/**
 * Where the spec comes from, in order: an explicit path, `AMIGO_MOCK_SPEC`, the monorepo's root
 * `openapi.json` (fresh while developing here), then the copy shipped in the package (`spec/openapi.json`).
 */
export function resolveSpecPath(explicit?: string): string {
  const candidates: string[] = []
  if (explicit) candidates.push(explicit)
  if (process.env.AMIGO_MOCK_SPEC) candidates.push(process.env.AMIGO_MOCK_SPEC)
  const root = packageRoot()
  const repo = join(root, '..', '..')
  if (existsSync(join(repo, 'pnpm-workspace.yaml'))) candidates.push(join(repo, 'openapi.json'))
  candidates.push(join(root, 'spec', 'openapi.json'))
  for (const c of candidates) if (existsSync(c)) return c
  throw new Error(`platform-mock: no OpenAPI document found (looked in: ${candidates.join(', ')})`)
}

/** Reads and parses the OpenAPI document the mock serves. */
export function loadSpec(source?: string | OpenApiDocument): OpenApiDocument {
  if (source && typeof source === 'object') return source
  const path = resolveSpecPath(source)
  const doc = JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument
  if (!doc || typeof doc !== 'object' || !doc.paths)
    throw new Error(`platform-mock: ${path} is not an OpenAPI document`)
  return doc
}
