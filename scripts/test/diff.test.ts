import { describe, expect, it } from 'vitest'
import { diffSpecs, formatDiff } from '../spec/diff.mjs'

const base = () => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/things': {
      get: {
        operationId: 'list-things',
        parameters: [
          { in: 'query', name: 'kind', required: false, schema: { enum: ['a', 'b'], type: 'string' } },
        ],
        responses: { 200: { description: '' } },
      },
      post: {
        operationId: 'create-thing',
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
        responses: { 201: { description: '' } },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        properties: {
          name: { type: 'string' },
          color: { anyOf: [{ enum: ['red', 'green', 'blue'], type: 'string' }, { type: 'null' }] },
          tags: { items: { properties: { label: { type: 'string' } }, type: 'object' }, type: 'array' },
        },
        required: ['name'],
        type: 'object',
      },
      Old: { type: 'string' },
    },
  },
})

describe('diffSpecs', () => {
  it('reports nothing for identical specs', () => {
    const d = diffSpecs(base(), base())
    expect(d.breaking).toEqual([])
    expect(formatDiff(d)).toBe('No changes.')
  })

  it('finds added/removed operations and schemas, and every kind of breaking change', () => {
    const after = base()
    delete (after.paths['/things'] as Record<string, unknown>).post
    ;(after.paths as Record<string, unknown>)['/other'] = { get: { operationId: 'get-other', responses: {} } }
    const thing = after.components.schemas.Thing
    thing.required = ['name', 'color']
    thing.properties.color.anyOf[0].enum = ['red']
    delete (thing.properties.tags.items.properties as Record<string, unknown>).label
    delete (after.components.schemas as Record<string, unknown>).Old
    ;(after.components.schemas as Record<string, unknown>).New = { type: 'integer' }
    after.paths['/things'].get.parameters[0].required = true
    after.paths['/things'].get.parameters[0].schema.enum = ['a']

    const d = diffSpecs(base(), after)
    expect(d.operationsAdded).toEqual(['GET /other (get-other)'])
    expect(d.operationsRemoved).toEqual(['POST /things (create-thing)'])
    expect(d.schemasAdded).toEqual(['New'])
    expect(d.schemasRemoved).toEqual(['Old'])
    expect(d.schemasChanged).toEqual(['Thing'])
    expect(d.breaking).toEqual([
      'enum narrowed: GET /things query parameter kind (no longer allows "b")',
      'enum narrowed: Thing.color (no longer allows "green", "blue")',
      'field now required: Thing.color',
      'field removed: Thing.tags[].label',
      'operation removed: POST /things (create-thing)',
      'parameter now required: GET /things query parameter kind',
      'schema removed: Old',
    ])
    const text = formatDiff(d)
    expect(text).toContain('BREAKING changes (7):')
    expect(text).toContain('Operations removed (1):\n  - POST /things (create-thing)')
  })

  it('does not call widening breaking', () => {
    const after = base()
    after.components.schemas.Thing.properties.color.anyOf[0].enum.push('black')
    ;(after.components.schemas.Thing.properties as Record<string, unknown>).extra = { type: 'string' }
    const d = diffSpecs(base(), after)
    expect(d.schemasChanged).toEqual(['Thing'])
    expect(d.breaking).toEqual([])
  })
})
