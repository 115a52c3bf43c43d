// Parses the method tables of the official-surface facts file (surface.md) into plain rows.
// Used once to draft resource skeletons and to refresh test/fixtures/surface-methods.json; the
// resource files themselves are hand-maintained source.
//
//   node packages/platform-sdk/scripts/surface-rows.mjs <surface.md> > packages/platform-sdk/test/fixtures/surface-methods.json

import { readFileSync } from 'node:fs'

const ROW =
  /^\| (★ )?`client\.([A-Za-z0-9_.]+)\((.*?)\)` \| ([^|]+) \| `?([^|`]*)`? \| `?([^|`]*)`? \| (.*) \|?$/

/** Splits a signature like `(id, body, options?)` into argument names with optional flags. */
function parseArgs(sig) {
  if (!sig.trim()) return []
  return sig.split(',').map((raw) => {
    const s = raw.trim()
    const def = /^(\w+)\s*=\s*(.+)$/.exec(s)
    if (def) return { name: def[1], optional: true, default: def[2].replace(/^'|'$/g, '') }
    return { name: s.replace(/\?$/, ''), optional: s.endsWith('?') }
  })
}

/** Query parameters named in the notes: `{ name, required, max }`. */
function parseQuery(notes) {
  const m = /(?:^|; )query: ([^;]*)/.exec(notes)
  if (!m) return []
  return m[1]
    .split(/, (?![^(]*\))/)
    .map((part) => {
      const q = /^(\w+)(\*)?(\[\])?(?: \((?:(\d+)\.\.(\d+))?(?:, )?(?:def ([^)]*))?\))?/.exec(part.trim())
      if (!q) return undefined
      return { name: q[1], required: !!q[2], array: !!q[3], max: q[5] ? Number(q[5]) : undefined }
    })
    .filter(Boolean)
}

/** Every resource method row of surface.md (★ = shown in the README). */
export function parseSurface(text) {
  const rows = []
  let resource
  let inResources = false
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) inResources = line.startsWith('## Resources')
    const h = /^### `(\w+)`/.exec(line)
    if (h) resource = h[1]
    if (!inResources || !resource) continue
    const m = ROW.exec(line)
    if (!m) continue
    const [, star, member, sig, http, path, operationId, notes] = m
    const parts = member.split('.')
    if (parts[0] !== resource) continue
    const page = /page: (\w+) \+ has_more( \+ (next_offset|continuation_token))?/.exec(notes)
    rows.push({
      readme: !!star,
      resource,
      member: parts.slice(1).join('.'),
      args: parseArgs(sig),
      http: http.trim(),
      path: path.trim(),
      operationId: operationId.trim(),
      query: parseQuery(notes),
      sdkPassesNoQuery: notes.includes('SDK passes no query'),
      body: (/(?:^|; )body: ([\w]+)/.exec(notes) ?? [])[1],
      bodyOptional: /body: [^;]*\(optional\)/.test(notes),
      noContent: notes.includes('→ 204 no body'),
      page: page
        ? {
            itemsKey: page[1],
            kind: page[3] === 'continuation_token' ? 'token' : page[3] ? 'offset' : 'plain-offset',
          }
        : undefined,
      autoPagingOf: (/auto-paging over ([\w.]+)/.exec(notes) ?? [])[1],
    })
  }
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = parseSurface(readFileSync(process.argv[2], 'utf8'))
  process.stdout.write(`${JSON.stringify(rows, null, 1)}\n`)
}
