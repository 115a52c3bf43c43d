#!/usr/bin/env node
// Builds the committed openapi.json from the upstream snapshot (spec/upstream/openapi-facts.json)
// plus our README overlay.
// Usage: node scripts/spec/build-openapi.mjs [snapshot.json] [--out openapi.json]
// Deterministic: same snapshot → same bytes.
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { canonicalJson, listOperations } from './json.mjs'
import { applyOverlay, SPEC_DESCRIPTION, SPEC_TITLE, SUMMARIES } from './overlay.mjs'
import { SPEC, UPSTREAM_SNAPSHOT } from './paths.mjs'
import { summarise } from './summaries.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Turn the upstream snapshot into our spec (pure: does not touch the input object). */
export function buildSpec(facts) {
  const spec = applyOverlay(structuredClone(facts))
  spec.info = { ...spec.info, title: SPEC_TITLE, description: SPEC_DESCRIPTION }
  for (const { method, path, operationId, op } of listOperations(spec)) {
    op.summary ??= SUMMARIES[operationId] ?? summarise(operationId, method, path)
  }
  return spec
}

function main(argv) {
  const args = argv.slice(2)
  const outIdx = args.indexOf('--out')
  const out = outIdx >= 0 ? resolve(args[outIdx + 1]) : resolve(root, SPEC)
  if (outIdx >= 0) args.splice(outIdx, 2)
  const snapshotPath = resolve(root, args[0] ?? UPSTREAM_SNAPSHOT)
  let facts
  try {
    facts = JSON.parse(readFileSync(snapshotPath, 'utf8'))
  } catch (err) {
    console.error(`build-openapi: cannot read the upstream snapshot ${snapshotPath}: ${err.message}`)
    process.exit(1)
  }
  const text = canonicalJson(buildSpec(facts))
  const tmp = `${out}.tmp-${process.pid}`
  writeFileSync(tmp, text)
  renameSync(tmp, out)
  console.log(`build-openapi: wrote ${out} (${listOperations(JSON.parse(text)).length} operations)`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv)
  } catch (err) {
    console.error(`build-openapi: ${err.message}`)
    process.exit(1)
  }
}
