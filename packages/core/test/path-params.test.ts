// fillPath: the one place path templates get their values, filled from a cached split of the
// template in the OpenAPI styles openapi-fetch writes (checked against its serializer).
import { defaultPathSerializer } from 'openapi-fetch'
import { describe, expect, it } from 'vitest'
import { InvalidRequestError } from '../src/errors/client-errors'
import { fillPath } from '../src/transport/path-params'

const fixed = { workspace_id: 'ws-1' }

describe('fillPath', () => {
  it('fills every placeholder, percent-encoding values, and leaves plain paths alone', () => {
    expect(fillPath('/v1/{workspace_id}/agents/{agent_id}', { agent_id: 'a b/c?' }, fixed)).toBe(
      '/v1/ws-1/agents/a%20b%2Fc%3F',
    )
    expect(fillPath('/v1/{workspace_id}/items/{n}/{flag}', { n: 7, flag: false }, fixed)).toBe(
      '/v1/ws-1/items/7/false',
    )
    expect(fillPath('/health', undefined, fixed)).toBe('/health')
  })

  it('the configured workspace wins over one passed by hand', () => {
    expect(fillPath('/v1/{workspace_id}/agents', { workspace_id: 'other' }, fixed)).toBe('/v1/ws-1/agents')
  })

  it('a missing, empty or non-scalar value fails before anything is sent, naming the parameter', () => {
    expect(() => fillPath('/v1/{workspace_id}/agents/{agent_id}', {}, fixed)).toThrow(InvalidRequestError)
    expect(() => fillPath('/v1/{workspace_id}/agents/{agent_id}', { agent_id: '' }, fixed)).toThrow(
      /"agent_id" is missing/,
    )
    expect(() => fillPath('/v1/{workspace_id}/x/{id}', { id: { a: 1 } }, fixed)).toThrow(
      /"id" must be a string or number/,
    )
  })

  it('label, matrix and exploded placeholders give what openapi-fetch writes', () => {
    expect(fillPath('/v1/{workspace_id}/files/{.name}', { name: 'report' }, fixed)).toBe(
      '/v1/ws-1/files/.report',
    )
    expect(fillPath('/v1/{workspace_id}/m/{;id}', { id: 5 }, fixed)).toBe('/v1/ws-1/m/;id=5')
    const params = { workspace_id: 'ws-1', a: 'x y', b: 7, c: true, d: 'é/?' }
    for (const template of [
      '/v1/{workspace_id}/{a}/{b}',
      '/p/{.a}/{;b}/{c*}/{.d*}',
      '/p/{;d}{.c}/{a}.json',
    ]) {
      expect(fillPath(template, params, fixed)).toBe(defaultPathSerializer(template, params))
    }
  })

  it('gives the same path on repeated calls with the cached template', () => {
    const a = fillPath('/v1/{workspace_id}/calls/{call_id}', { call_id: 'c1' }, fixed)
    const b = fillPath('/v1/{workspace_id}/calls/{call_id}', { call_id: 'c2' }, fixed)
    expect([a, b]).toEqual(['/v1/ws-1/calls/c1', '/v1/ws-1/calls/c2'])
  })
})
