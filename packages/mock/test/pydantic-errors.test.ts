import type { ErrorObject } from 'ajv'
import { describe, expect, it } from 'vitest'
import { toValidationIssues } from '../src/spec/pydantic-errors'

const error = (keyword: string, params: Record<string, unknown>, instancePath = '/f'): ErrorObject => ({
  keyword,
  params,
  instancePath,
  schemaPath: `#/${keyword}`,
  message: `ajv says ${keyword}`,
})

/** The one issue an error becomes, without its location. */
const issue = (e: ErrorObject, fromText = false) => {
  const [only] = toValidationIssues([e], ['body'], fromText)
  return { type: only!.type, msg: only!.msg }
}

describe('toValidationIssues', () => {
  it.each([
    ['integer', false, 'int_type', 'Input should be a valid integer'],
    ['integer', true, 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer'],
    ['number', false, 'float_type', 'Input should be a valid number'],
    ['number', true, 'float_parsing', 'Input should be a valid number, unable to parse string as a number'],
    ['boolean', false, 'bool_type', 'Input should be a valid boolean'],
    ['boolean', true, 'bool_parsing', 'Input should be a valid boolean, unable to interpret input'],
    ['string', true, 'string_type', 'Input should be a valid string'],
    ['array', false, 'list_type', 'Input should be a valid list'],
    ['object', false, 'dict_type', 'Input should be a valid dictionary'],
    ['null', false, 'null_type', 'Input should be null'],
  ])('words a wrong %s (from text: %s) as %s', (type, fromText, expectedType, msg) => {
    expect(issue(error('type', { type }), fromText)).toEqual({ type: expectedType, msg })
    expect(issue(error('type', { type: [type, 'null'] }), fromText)).toEqual({ type: expectedType, msg })
  })

  it.each([
    ['uuid', 'uuid_parsing', 'Input should be a valid UUID'],
    ['date-time', 'datetime_parsing', 'Input should be a valid datetime'],
    ['date', 'date_parsing', 'Input should be a valid date'],
    ['email', 'value_error', 'value is not a valid email address'],
    ['uri', 'value_error', 'Input should be a valid uri'],
  ])('words a bad %s format', (format, type, msg) => {
    expect(issue(error('format', { format }))).toEqual({ type, msg })
  })

  it('words limits, patterns, enums and constants as pydantic does', () => {
    expect(issue(error('maximum', { limit: 5 }))).toEqual({
      type: 'less_than_equal',
      msg: 'Input should be less than or equal to 5',
    })
    expect(issue(error('minimum', { limit: 1 }))).toEqual({
      type: 'greater_than_equal',
      msg: 'Input should be greater than or equal to 1',
    })
    expect(issue(error('exclusiveMaximum', { limit: 5 }))).toEqual({
      type: 'less_than',
      msg: 'Input should be less than 5',
    })
    expect(issue(error('exclusiveMinimum', { limit: 0 }))).toEqual({
      type: 'greater_than',
      msg: 'Input should be greater than 0',
    })
    expect(issue(error('minLength', { limit: 1 })).msg).toBe('String should have at least 1 character')
    expect(issue(error('minLength', { limit: 3 })).msg).toBe('String should have at least 3 characters')
    expect(issue(error('maxLength', { limit: 2 }))).toEqual({
      type: 'string_too_long',
      msg: 'String should have at most 2 characters',
    })
    expect(issue(error('minItems', { limit: 1 }))).toEqual({
      type: 'too_short',
      msg: 'List should have at least 1 item',
    })
    expect(issue(error('minItems', { limit: 2 })).msg).toBe('List should have at least 2 items')
    expect(issue(error('maxItems', { limit: 4 }))).toEqual({
      type: 'too_long',
      msg: 'List should have at most 4 items',
    })
    expect(issue(error('pattern', { pattern: '^a$' }))).toEqual({
      type: 'string_pattern_mismatch',
      msg: "String should match pattern '^a$'",
    })
    expect(issue(error('enum', { allowedValues: ['a', 'b', 3] }))).toEqual({
      type: 'enum',
      msg: "Input should be 'a', 'b' or 3",
    })
    expect(issue(error('const', { allowedValue: 'x' }))).toEqual({
      type: 'literal_error',
      msg: "Input should be 'x'",
    })
    expect(issue(error('uniqueItems', {}))).toEqual({ type: 'value_error', msg: 'ajv says uniqueItems' })
  })

  it('locates missing and extra fields, drops anyOf noise and reports each location once', () => {
    const issues = toValidationIssues(
      [
        error('required', { missingProperty: 'name' }, ''),
        error('additionalProperties', { additionalProperty: 'x' }, '/a~1b/0'),
        error('type', { type: 'null' }, '/n'),
        error('anyOf', {}, '/n'),
        error('type', { type: 'string' }, '/n'),
        error('minLength', { limit: 1 }, '/n'),
      ],
      ['body'],
    )
    expect(issues).toEqual([
      { loc: ['body', 'name'], msg: 'Field required', type: 'missing' },
      { loc: ['body', 'a/b', 0, 'x'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' },
      { loc: ['body', 'n'], msg: 'Input should be a valid string', type: 'string_type' },
    ])
  })
})
