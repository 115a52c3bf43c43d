// Removes upstream prose (summaries, descriptions, titles, examples, foreign x- extensions) from a
// downloaded spec: the project writes its own summaries, and copying someone else's text into the
// repository is not allowed. Keys inside name maps (a schema's `properties`, `paths`, …) are names,
// not keywords, so a property called `description` survives.

const PROSE = new Set(['summary', 'description', 'title', 'example', 'examples', 'externalDocs'])
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
  'paths',
  'schemas',
  'responses',
  'parameters',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
  'content',
  'encoding',
  'mapping',
  'variables',
  'webhooks',
])

function strip(node, isNameMap) {
  if (Array.isArray(node)) {
    for (const item of node) strip(item, false)
    return
  }
  if (!node || typeof node !== 'object') return
  for (const key of Object.keys(node)) {
    if (!isNameMap) {
      if (PROSE.has(key) && typeof node[key] !== 'undefined') {
        delete node[key]
        continue
      }
      if (key.startsWith('x-') && !key.startsWith('x-amigo-')) {
        delete node[key]
        continue
      }
    }
    // enum/const/default values are data, not schema objects
    if (!isNameMap && (key === 'enum' || key === 'const' || key === 'default')) continue
    strip(node[key], !isNameMap && NAME_MAPS.has(key))
  }
}

/** Strip prose from `spec` in place; `info.title` and the response `description: ""` OpenAPI requires stay. */
export function stripProse(spec) {
  // info.title is required by OpenAPI; it is a name, kept as is
  const title = spec.info?.title
  strip(spec, false)
  if (spec.info && title !== undefined) spec.info.title = title
  for (const item of Object.values(spec.paths ?? {})) {
    for (const op of Object.values(item ?? {})) {
      for (const res of Object.values(op?.responses ?? {})) if (res && !res.$ref) res.description = ''
    }
  }
  for (const res of Object.values(spec.components?.responses ?? {}))
    if (res && !res.$ref) res.description = ''
  return spec
}
