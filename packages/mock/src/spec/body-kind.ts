import { parseJsonText } from './json-text'
import type { Operation } from './operations'

/** How the mock reads a request body: parsed as JSON, as form fields, or kept as it came. */
type BodyKind = 'json' | 'form' | 'other'

// RFC 9110 §5.6.2 token characters: a structured-syntax subtype like `vnd.api+json` is one token.
const JSON_SUFFIXED = /^application\/[!#$%&'*+\-.^_`|~0-9a-z]+\+json$/

/**
 * The kind of body a `Content-Type` header names. Only its media type counts (the part before any
 * `;` parameters, compared case-insensitively as RFC 9110 §8.3.1 says): `application/json` and
 * `application/*+json` are JSON, `application/x-www-form-urlencoded` is a form, anything else (no
 * header, `text/plain`, `multipart/form-data`) is neither.
 */
export function bodyKind(contentType: string | undefined): BodyKind {
  const type = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase()
  if (type === 'application/json' || JSON_SUFFIXED.test(type)) return 'json'
  if (type === 'application/x-www-form-urlencoded') return 'form'
  return 'other'
}

/**
 * True when the body `op` is sent with `contentType` is parsed as JSON: as FastAPI does, when the
 * operation takes a JSON body and the Content-Type is JSON or absent.
 */
export function readsAsJson(op: Operation, contentType: string): boolean {
  if (!op.op.requestBody?.content?.['application/json']) return false
  return !contentType.trim() || bodyKind(contentType) === 'json'
}

/** A body read as its kind: JSON parsed (its text when it does not parse), a form as its fields (the last of each name), else the text. */
export function parseBodyAs(kind: BodyKind, text: string): unknown {
  if (kind === 'json') {
    const parsed = parseJsonText(text)
    return parsed.ok ? parsed.value : text
  }
  if (kind === 'form') return Object.fromEntries(new URLSearchParams(text))
  return text
}
