// Compares two OpenAPI documents: operations and schemas added/removed/changed, and the changes
// that can break existing callers (removed operations or schemas, removed fields, fields that
// became required, enums that lost values).
import { canonicalJson, listOperations } from './json.mjs'

const opKey = (o) => `${o.method.toUpperCase()} ${o.path}`
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0)
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v)

/** Walk two schema-like trees side by side and record breaking differences under `where`. */
function compareNode(before, after, where, out) {
  if (!isObj(before) || !isObj(after)) return
  if (isObj(before.properties) && isObj(after.properties)) {
    for (const name of Object.keys(before.properties)) {
      if (!(name in after.properties)) out.add(`field removed: ${where}.${name}`)
    }
  }
  if (Array.isArray(after.required)) {
    const old = new Set(Array.isArray(before.required) ? before.required : [])
    for (const name of after.required) if (!old.has(name)) out.add(`field now required: ${where}.${name}`)
  }
  if (Array.isArray(before.enum) && Array.isArray(after.enum)) {
    const kept = new Set(after.enum.map((v) => JSON.stringify(v)))
    const lost = before.enum.filter((v) => !kept.has(JSON.stringify(v)))
    if (lost.length)
      out.add(`enum narrowed: ${where} (no longer allows ${lost.map((v) => JSON.stringify(v)).join(', ')})`)
  }
  for (const key of Object.keys(before)) {
    if (!(key in after) || key === 'enum' || key === 'required') continue
    const a = before[key]
    const b = after[key]
    if (key === 'properties' && isObj(a) && isObj(b)) {
      for (const name of Object.keys(a)) if (name in b) compareNode(a[name], b[name], `${where}.${name}`, out)
    } else if (key === 'items') compareNode(a, b, `${where}[]`, out)
    else if (Array.isArray(a) && Array.isArray(b)) {
      for (const [i, item] of a.entries()) compareNode(item, b[i], where, out)
    } else if (isObj(a) && isObj(b) && key !== 'discriminator' && key !== 'example')
      compareNode(a, b, where, out)
  }
}

function compareParameters(before, after, where, out) {
  const index = (list) => new Map((Array.isArray(list) ? list : []).map((p) => [`${p?.in}:${p?.name}`, p]))
  const a = index(before)
  const b = index(after)
  for (const [k, p] of b) {
    const old = a.get(k)
    const label = `${where} ${p.in} parameter ${p.name}`
    if (!old && p.required) out.add(`parameter now required: ${label}`)
    else if (old && !old.required && p.required) out.add(`parameter now required: ${label}`)
    if (old) compareNode(old.schema, p.schema, label, out)
  }
  for (const [k, p] of a) if (!b.has(k)) out.add(`parameter removed: ${where} ${p.in} parameter ${p.name}`)
}

/** Structured difference between two specs (all lists sorted). */
export function diffSpecs(before, after) {
  const beforeOps = new Map(listOperations(before ?? {}).map((o) => [opKey(o), o]))
  const afterOps = new Map(listOperations(after).map((o) => [opKey(o), o]))
  const label = (o) => `${opKey(o)}${o.operationId ? ` (${o.operationId})` : ''}`
  const operationsAdded = [...afterOps.keys()].filter((k) => !beforeOps.has(k)).sort(byName)
  const operationsRemoved = [...beforeOps.keys()].filter((k) => !afterOps.has(k)).sort(byName)

  const sa = before?.components?.schemas ?? {}
  const sb = after?.components?.schemas ?? {}
  const schemasAdded = Object.keys(sb)
    .filter((n) => !(n in sa))
    .sort(byName)
  const schemasRemoved = Object.keys(sa)
    .filter((n) => !(n in sb))
    .sort(byName)
  const schemasChanged = Object.keys(sb)
    .filter((n) => n in sa && canonicalJson(sa[n]) !== canonicalJson(sb[n]))
    .sort(byName)

  const breaking = new Set()
  for (const k of operationsRemoved) breaking.add(`operation removed: ${label(beforeOps.get(k))}`)
  for (const n of schemasRemoved) breaking.add(`schema removed: ${n}`)
  for (const n of schemasChanged) compareNode(sa[n], sb[n], n, breaking)
  for (const [k, o] of afterOps) {
    const old = beforeOps.get(k)
    if (!old) continue
    compareParameters(old.op.parameters, o.op.parameters, k, breaking)
    if (!old.op.requestBody?.required && o.op.requestBody?.required)
      breaking.add(`request body now required: ${k}`)
    compareNode(old.op.requestBody, o.op.requestBody, `${k} body`, breaking)
  }
  return {
    operationsAdded: operationsAdded.map((k) => label(afterOps.get(k))),
    operationsRemoved: operationsRemoved.map((k) => label(beforeOps.get(k))),
    schemasAdded,
    schemasRemoved,
    schemasChanged,
    breaking: [...breaking].sort(byName),
  }
}

/** Human-readable report of `diffSpecs` output. */
export function formatDiff(diff) {
  const sections = [
    ['Operations added', diff.operationsAdded],
    ['Operations removed', diff.operationsRemoved],
    ['Schemas added', diff.schemasAdded],
    ['Schemas removed', diff.schemasRemoved],
    ['Schemas changed', diff.schemasChanged],
    ['BREAKING changes', diff.breaking],
  ]
  const lines = []
  for (const [title, items] of sections) {
    if (!items.length) continue
    lines.push(`${title} (${items.length}):`)
    for (const item of items) lines.push(`  - ${item}`)
  }
  return lines.length ? lines.join('\n') : 'No changes.'
}
