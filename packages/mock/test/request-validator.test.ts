import { describe, expect, it } from 'vitest'
import { createAjv } from '../src/spec/ajv'
import type { Operation } from '../src/spec/operations'
import { type RawRequest, RequestValidator } from '../src/spec/request-validator'
import type { OpenApiDocument, OpenApiOperation } from '../src/spec/types'

const FORM = 'application/x-www-form-urlencoded'

const doc: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {},
  components: {
    schemas: {
      Form: {
        type: 'object',
        properties: { count: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } },
        required: ['count'],
      },
      Thing: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
    },
  },
}

const withParameters: OpenApiOperation = {
  parameters: [
    { name: 'thing_id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
    { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 20, default: 10 } },
    { name: 'tag', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
    // A default inside the first branch of an anyOf applies too (Ajv ignores it there).
    { name: 'mode', in: 'query', schema: { anyOf: [{ type: 'string', default: 'fast' }, { type: 'null' }] } },
    { name: 'X-Trace', in: 'header', required: true, schema: { type: 'integer' } },
    // Headers take no default: a required one the client leaves out is reported.
    {
      name: 'X-Mode',
      in: 'header',
      required: true,
      schema: { anyOf: [{ type: 'string', default: 'a' }, { type: 'null' }] },
    },
  ],
  requestBody: {
    required: true,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
  },
}

const op = (key: string, o: OpenApiOperation) => ({ key, op: o }) as Operation
const things = op('POST /things/{thing_id}', withParameters)
const formOp = op('POST /form', {
  requestBody: { content: { [FORM]: { schema: { $ref: '#/components/schemas/Form' } } } },
})
const textOp = op('POST /text', {
  requestBody: { content: { 'text/plain': { schema: { type: 'string' } } } },
})
const noBody = op('POST /plain', {})

const raw = (r: Partial<RawRequest>): RawRequest => ({
  params: {},
  query: new URLSearchParams(),
  headers: {},
  contentType: '',
  bodyText: undefined,
  ...r,
})
const validator = () => new RequestValidator(doc, createAjv(doc, { useDefaults: true }))
const ID = '6f1c1e2a-2b7a-4c1e-9d3f-0a1b2c3d4e5f'

describe('RequestValidator.validate', () => {
  it('coerces parameters, applies defaults and keeps query keys the spec does not name', () => {
    const res = validator().validate(
      things,
      raw({
        params: { thing_id: ID },
        query: new URLSearchParams('tag=a&tag=b&extra=1&extra=2'),
        headers: { 'x-trace': ['1', '7'], 'x-mode': 'b' },
        contentType: 'application/json',
        bodyText: '{"name":"n"}',
      }),
    )
    expect(res).toEqual({
      ok: true,
      value: {
        path: { thing_id: ID },
        query: { limit: 10, tag: ['a', 'b'], mode: 'fast', extra: '1' },
        body: { name: 'n' },
      },
    })
  })

  it('reads a uuid parameter in any case (or as a urn) as its lower-case form, as the API does', () => {
    for (const sent of [ID.toUpperCase(), `urn:uuid:${ID.toUpperCase()}`]) {
      const res = validator().validate(
        things,
        raw({
          params: { thing_id: sent },
          headers: { 'x-trace': '1', 'x-mode': 'b' },
          bodyText: '{"name":"n"}',
        }),
      )
      expect(res.ok && res.value.path).toEqual({ thing_id: ID })
    }
  })

  it('records undeclared query keys named like inherited properties as plain own keys', () => {
    const res = validator().validate(
      noBody,
      raw({ query: new URLSearchParams('constructor=a&toString=b&__proto__=c&hasOwnProperty=d') }),
    )
    expect(res.ok).toBe(true)
    const query = res.ok ? res.value.query : {}
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype)
    expect(Object.entries(query)).toEqual([
      ['constructor', 'a'],
      ['toString', 'b'],
      ['__proto__', 'c'],
      ['hasOwnProperty', 'd'],
    ])
  })

  it('reports path, query, header and body issues in that order', () => {
    const res = validator().validate(
      things,
      raw({ params: { thing_id: 'nope' }, query: new URLSearchParams('limit=100') }),
    )
    expect(res).toEqual({
      ok: false,
      issues: [
        {
          loc: ['path', 'thing_id'],
          msg: 'Input should be a valid UUID',
          type: 'uuid_parsing',
          input: 'nope',
        },
        {
          loc: ['query', 'limit'],
          msg: 'Input should be less than or equal to 20',
          type: 'less_than_equal',
          input: '100',
        },
        { loc: ['header', 'x-trace'], msg: 'Field required', type: 'missing', input: null },
        { loc: ['header', 'x-mode'], msg: 'Field required', type: 'missing', input: null },
        { loc: ['body'], msg: 'Field required', type: 'missing' },
      ],
    })
  })

  it('names bad JSON and schema errors of a JSON body; skipBodySchema keeps the body unchecked', () => {
    const base = {
      params: { thing_id: ID },
      headers: { 'x-trace': '1', 'x-mode': 'b' },
      contentType: 'application/json',
    }
    const bad = validator().validate(things, raw({ ...base, bodyText: '{"name": ' }))
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.issues).toHaveLength(1)
    expect(bad.issues[0]).toMatchObject({ loc: ['body', 0], type: 'json_invalid' })
    expect(bad.issues[0]!.msg).toMatch(/^JSON decode error: /)
    const wrong = validator().validate(things, raw({ ...base, bodyText: '{"name": 3}' }))
    expect(wrong).toEqual({
      ok: false,
      issues: [
        { loc: ['body', 'name'], msg: 'Input should be a valid string', type: 'string_type', input: 3 },
      ],
    })
    const skipped = validator().validate(things, raw({ ...base, bodyText: '{"name": 3}' }), {
      skipBodySchema: true,
    })
    expect(skipped.ok && skipped.value.body).toEqual({ name: 3 })
  })

  it('answers json_invalid for a body nested past 1000 levels, at the offset where it goes too deep', () => {
    const base = {
      params: { thing_id: ID },
      headers: { 'x-trace': '1', 'x-mode': 'b' },
      contentType: 'application/json',
    }
    // Brackets inside strings do not count; 1000 levels are still read.
    const within = `{"name":"[[{{","extra":${'['.repeat(999)}${']'.repeat(999)}}`
    expect(validator().validate(things, raw({ ...base, bodyText: within })).ok).toBe(true)
    const deep = `{"name":"x","extra":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`
    const at = deep.indexOf('{"a":') + 5 * 999
    for (const [o, contentType] of [
      [things, 'application/json'],
      [formOp, 'application/json'],
    ] as const) {
      const res = validator().validate(o, raw({ ...base, contentType, bodyText: deep }))
      expect(res.ok).toBe(false)
      if (res.ok) return
      expect(res.issues[0]).toMatchObject({ loc: ['body', at], type: 'json_invalid' })
    }
  })

  it('coerces form fields by their schema and reads a JSON body on a form route as the same fields', () => {
    const v = validator()
    const form = v.validate(formOp, raw({ contentType: FORM, bodyText: 'count=3&tags=a&tags=b&other=x' }))
    expect(form).toEqual({
      ok: true,
      value: { path: {}, query: {}, body: { count: 3, tags: ['a', 'b'], other: 'x' } },
    })
    const textual = v.validate(formOp, raw({ contentType: FORM, bodyText: 'count=ten' }))
    expect(textual).toEqual({
      ok: false,
      issues: [
        {
          loc: ['body', 'count'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          type: 'int_parsing',
          input: 'ten',
        },
      ],
    })
    const json = v.validate(formOp, raw({ contentType: 'application/json', bodyText: '{"count":4}' }))
    expect(json.ok && json.value.body).toEqual({ count: 4 })
    const badJson = v.validate(formOp, raw({ contentType: 'application/json', bodyText: '{' }))
    expect(badJson).toEqual({
      ok: false,
      issues: [
        { loc: ['body', 0], msg: 'JSON decode error', type: 'json_invalid' },
        { loc: ['body', 'count'], msg: 'Field required', type: 'missing', input: {} },
      ],
    })
    const empty = v.validate(formOp, raw({ contentType: FORM, bodyText: '' }))
    expect(empty).toEqual({ ok: true, value: { path: {}, query: {}, body: undefined } })
  })

  it('hands other media types over as text', () => {
    const res = validator().validate(textOp, raw({ contentType: 'text/plain', bodyText: 'hello' }))
    expect(res.ok && res.value.body).toBe('hello')
  })

  it('reads a body the operation does not declare by its content type', () => {
    const v = validator()
    const body = (contentType: string, bodyText?: string) => {
      const res = v.validate(noBody, raw({ contentType, bodyText }))
      return res.ok ? res.value.body : 'not ok'
    }
    expect(body('application/json', '{"a":1}')).toEqual({ a: 1 })
    expect(body('application/json', '{')).toBe('{')
    expect(body(`${FORM}; charset=utf-8`, 'a=1&a=2&b=3')).toEqual({ a: '2', b: '3' })
    expect(body('text/plain', 'hi')).toBeUndefined()
    expect(body('application/json')).toBeUndefined()
  })

  it('decides how to read a body by its media type alone, in any case', () => {
    const v = validator()
    const body = (o: Operation, contentType: string, bodyText: string) => {
      const res = v.validate(o, raw({ contentType, bodyText }))
      return res.ok ? res.value.body : res.issues
    }
    expect(body(noBody, 'Application/JSON; Charset=UTF-8', '{"a":1}')).toEqual({ a: 1 })
    expect(body(noBody, 'application/problem+json', '{"a":1}')).toEqual({ a: 1 })
    expect(body(noBody, 'APPLICATION/X-WWW-FORM-URLENCODED', 'a=1')).toEqual({ a: '1' })
    expect(body(noBody, `${FORM}; x=json`, 'a=1')).toEqual({ a: '1' })
    for (const type of [
      'text/json-ish',
      'application/jsonx',
      'json',
      `${FORM}x`,
      'multipart/form-data; boundary=x',
    ])
      expect(body(noBody, type, '{"a":1}'), type).toBeUndefined()
    expect(body(formOp, `${FORM}; x=json`, 'count=3')).toEqual({ count: 3 })
    expect(body(formOp, 'Application/JSON', '{"count":4}')).toEqual({ count: 4 })
  })
})
