// Copies the monorepo's openapi.json into the package (spec/openapi.json) so the published
// mock serves the same contract without the repository around it.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'

const from = new URL('../../../openapi.json', import.meta.url)
const to = new URL('../spec/openapi.json', import.meta.url)
if (!existsSync(from)) {
  console.error('copy-spec: openapi.json not found at the repository root')
  process.exit(1)
}
mkdirSync(new URL('../spec/', import.meta.url), { recursive: true })
copyFileSync(from, to)
console.log('copy-spec: spec/openapi.json updated')
