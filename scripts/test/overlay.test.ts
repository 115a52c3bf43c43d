import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../spec/json.mjs'
import { applyOverlay } from '../spec/overlay.mjs'
import { stripProse } from '../spec/prose.mjs'
import { repoRoot } from './sandbox'

const specText = readFileSync(join(repoRoot, 'openapi.json'), 'utf8')

describe('README overlay', () => {
  it('refuses to apply twice in strict mode', () => {
    expect(() => applyOverlay(JSON.parse(specText))).toThrow(/already exists/)
  })

  it('is a no-op in fill mode on a spec that already has it', () => {
    const warnings: string[] = []
    const spec = applyOverlay(JSON.parse(specText), { fill: true, warnings })
    expect(warnings).toEqual([])
    expect(canonicalJson(spec)).toBe(specText)
  })

  it('skips a step that no longer fits in fill mode and says which', () => {
    const spec = JSON.parse(specText)
    delete spec.components.schemas.WrapUpRequest
    const warnings: string[] = []
    applyOverlay(spec, { fill: true, warnings })
    expect(warnings).toEqual([
      'wrap-up outcome only: spec no longer matches an expected shape: WrapUpRequest',
    ])
  })
})

describe('stripProse', () => {
  it('removes prose keywords but keeps properties named like them', () => {
    const spec = {
      info: { title: 'X', version: '1', description: 'theirs' },
      paths: {
        '/a': {
          get: {
            summary: 'theirs',
            description: 'theirs',
            'x-vendor': 1,
            'x-amigo-operation-id-aliases': ['a'],
            responses: { 200: { description: 'OK', content: {} } },
          },
        },
      },
      components: {
        schemas: {
          S: {
            description: 'theirs',
            title: 'S',
            properties: {
              description: { type: 'string', title: 'theirs' },
              title: { enum: ['description'] },
            },
            example: { description: 'x' },
          },
        },
      },
    }
    stripProse(spec)
    expect(spec).toEqual({
      info: { title: 'X', version: '1' },
      paths: {
        '/a': {
          get: {
            'x-amigo-operation-id-aliases': ['a'],
            responses: { 200: { description: '', content: {} } },
          },
        },
      },
      components: {
        schemas: { S: { properties: { description: { type: 'string' }, title: { enum: ['description'] } } } },
      },
    })
  })
})
