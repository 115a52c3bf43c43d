#!/usr/bin/env node
// `pnpm gen`: regenerate the TypeScript types from openapi.json.
// `pnpm gen --check`: regenerate in memory and exit 1 naming every stale or missing file.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateAll } from './spec/generate.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const readOrNull = (path) => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

/** Write `files` ({ relPath: content }) under `base`, each through a temp file and a rename. */
export function writeFiles(base, files) {
  for (const [rel, content] of Object.entries(files)) {
    const target = join(base, rel)
    mkdirSync(dirname(target), { recursive: true })
    const tmp = `${target}.tmp-${process.pid}`
    writeFileSync(tmp, content)
    renameSync(tmp, target)
  }
}

async function main() {
  const check = process.argv.includes('--check')
  const specPath = join(root, 'openapi.json')
  let spec
  try {
    spec = JSON.parse(readFileSync(specPath, 'utf8'))
  } catch (err) {
    console.error(`gen: cannot read ${specPath}: ${err.message}`)
    process.exit(1)
  }
  const files = await generateAll(spec)
  if (check) {
    const stale = Object.entries(files)
      .filter(([rel, content]) => readOrNull(join(root, rel)) !== content)
      .map(([rel]) => rel)
    if (stale.length) {
      console.error(
        `gen --check: generated files are stale or hand-edited, run \`pnpm gen\`:\n  ${stale.join('\n  ')}`,
      )
      process.exit(1)
    }
    console.log(`gen --check: ${Object.keys(files).length} generated files are up to date`)
    return
  }
  writeFiles(root, files)
  for (const rel of Object.keys(files)) console.log(`gen: wrote ${rel}`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`gen: ${err.message}`)
    process.exit(1)
  })
}
