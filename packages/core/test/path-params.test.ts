// fillPath: the one place path templates get their values, filled from a cached split of the
// template in the OpenAPI styles openapi-fetch writes (checked against its serializer). Every value
// must stay inside the one segment its placeholder names, or the call is refused before anything is sent.
import { defaultPathSerializer } from 'openapi-fetch'
import { describe, expect, it } from 'vitest'
import { InvalidRequestError } from '../src/errors/client-errors'
import { fillPath } from '../src/transport/path-params'
import { pathSegmentProblem } from '../src/transport/path-segment'

const fixed = { workspace_id: 'ws-1' }
const AGENT = '/v1/{workspace_id}/agents/{agent_id}'

const refusal = (value: unknown, template = AGENT): Error => {
  try {
    fillPath('DELETE', template, { agent_id: value, id: value }, fixed)
  } catch (error) {
    return error as Error
  }
  throw new Error(`fillPath accepted ${String(value)}`)
}

describe('fillPath', () => {
  it('fills every placeholder, percent-encoding values, and leaves plain paths alone', () => {
    expect(fillPath('GET', AGENT, { agent_id: 'a b?c#d%e' }, fixed)).toBe('/v1/ws-1/agents/a%20b%3Fc%23d%25e')
    expect(fillPath('GET', '/v1/{workspace_id}/items/{n}/{m}', { n: 7, m: -1.5 }, fixed)).toBe(
      '/v1/ws-1/items/7/-1.5',
    )
    expect(fillPath('GET', '/health', undefined, fixed)).toBe('/health')
  })

  it('keeps line breaks, unicode and percent signs inside the one segment, decoding back to the value', () => {
    for (const value of ['a\r\nb', 'é✓😀', '%2F', '%2e%2e%2f', '...', '.hidden', 'a..b', ' ', '\\..']) {
      const filled = fillPath('GET', AGENT, { agent_id: value }, fixed)
      const segments = filled.split('/')
      expect(segments.length, value).toBe(5)
      expect(decodeURIComponent(segments[4] as string)).toBe(value)
      // What a URL parser makes of it: the same path (no dot segment resolved, nothing split off).
      expect(new URL(filled, 'http://h').pathname).toBe(filled)
    }
  })

  it('the configured workspace wins over one passed by hand', () => {
    expect(fillPath('GET', '/v1/{workspace_id}/agents', { workspace_id: '..' }, fixed)).toBe(
      '/v1/ws-1/agents',
    )
  })

  it('refuses dot segments, also percent-encoded, naming the parameter and the operation', () => {
    for (const value of ['.', '..', '%2e', '%2E%2e', '.%2e', '%2e.', '%252e%252E', '%25252e', '%2525252e']) {
      const error = refusal(value)
      expect(error, value).toBeInstanceOf(InvalidRequestError)
      expect(error.message).toBe(`path parameter "agent_id" of DELETE ${AGENT} is the dot segment "${value}"`)
    }
  })

  it('refuses a slash, an empty value, a lone surrogate and values that are not strings or finite numbers', () => {
    const cases: [unknown, RegExp][] = [
      ['a/b', /contains "\/"$/],
      ['/', /contains "\/"$/],
      ['', /is empty$/],
      ['\uD800x', /contains an unpaired surrogate$/],
      ['x\uDC00', /contains an unpaired surrogate$/],
      [true, /is not a string or finite number$/],
      [{ a: 1 }, /is not a string or finite number$/],
      [['a'], /is not a string or finite number$/],
      [10n, /is not a string or finite number$/],
      [() => 'x', /is not a string or finite number$/],
      [Number.NaN, /is not a string or finite number$/],
      [Number.POSITIVE_INFINITY, /is not a string or finite number$/],
      [undefined, /is missing$/],
      [null, /is missing$/],
    ]
    for (const [value, message] of cases) {
      const error = refusal(value)
      expect(error, String(value)).toBeInstanceOf(InvalidRequestError)
      expect(error.message).toMatch(
        /^path parameter "agent_id" of DELETE \/v1\/\{workspace_id\}\/agents\/\{agent_id\} /,
      )
      expect(error.message).toMatch(message)
    }
  })

  it('never quotes a refused value in the message', () => {
    const secret = 'sk-live-0123456789abcdef/with-a-slash'
    expect(refusal(secret).message).not.toContain('sk-live')
    expect(refusal(`${'x'.repeat(10_000)}/`).message.length).toBeLessThan(200)
  })

  it('refuses a template with a literal dot segment, and shortens a very long template in messages', () => {
    expect(() => fillPath('GET', '/v1/{workspace_id}/agents/../x', {}, fixed)).toThrow(
      'the path of GET /v1/{workspace_id}/agents/../x has the dot segment ".."',
    )
    const long = `/v1/{workspace_id}/${'a'.repeat(500)}/{agent_id}`
    const message = refusal('..', long).message
    expect(message.length).toBeLessThan(400)
    expect(message).toContain('…')
  })

  it('does not read parameters from the prototype chain', () => {
    expect(() => fillPath('GET', '/v1/{workspace_id}/x/{constructor}', {}, fixed)).toThrow(
      /"constructor" of GET .* is missing/,
    )
  })

  it('label, matrix and exploded placeholders give what openapi-fetch writes', () => {
    expect(fillPath('GET', '/v1/{workspace_id}/files/{.name}', { name: 'report' }, fixed)).toBe(
      '/v1/ws-1/files/.report',
    )
    expect(fillPath('GET', '/v1/{workspace_id}/m/{;id}', { id: 5 }, fixed)).toBe('/v1/ws-1/m/;id=5')
    expect(() => fillPath('GET', '/v1/{workspace_id}/files/{.name}', { name: '..' }, fixed)).toThrow(
      InvalidRequestError,
    )
    const params = { workspace_id: 'ws-1', a: 'x y', b: 7, c: 'yes', d: 'é?' }
    for (const template of [
      '/v1/{workspace_id}/{a}/{b}',
      '/p/{.a}/{;b}/{c*}/{.d*}',
      '/p/{;d}{.c}/{a}.json',
    ]) {
      expect(fillPath('GET', template, params, fixed)).toBe(defaultPathSerializer(template, params))
    }
  })

  it('gives the same path on repeated calls with the cached template', () => {
    const a = fillPath('GET', '/v1/{workspace_id}/calls/{call_id}', { call_id: 'c1' }, fixed)
    const b = fillPath('GET', '/v1/{workspace_id}/calls/{call_id}', { call_id: 'c2' }, fixed)
    expect([a, b]).toEqual(['/v1/ws-1/calls/c1', '/v1/ws-1/calls/c2'])
  })
})

describe('pathSegmentProblem', () => {
  it('accepts ordinary ids and finite numbers', () => {
    for (const value of ['00000000-0000-4000-8000-000000000001', 'ehr:patient:1001', 'a.b', 0, -3, 2.5])
      expect(pathSegmentProblem(value), String(value)).toBeUndefined()
  })

  it('refuses every depth of percent-encoded dots, and only dot segments', () => {
    expect(pathSegmentProblem('%2525252E%2e')).toBe('is the dot segment "%2525252E%2e"')
    for (const value of ['%zz', '%2e%zz', '%2ex', '.x', '...', '%2e%2e%2e', '%25', '%2'])
      expect(pathSegmentProblem(value), value).toBeUndefined()
  })
})
