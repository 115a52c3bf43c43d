import type { ValidationIssue } from './http-errors'

/** What could be read out of an error body, whatever its shape. */
export interface ErrorBodySummary {
  /** The body's own message (`message`, `error_description`, `detail` or plain text), at most 500 characters. */
  message?: string
  /** A machine-readable code (`error_code`, `code` or `error`). */
  errorCode?: string
  /** The body's `request_id`. */
  requestId?: string
  /** Each problem of a FastAPI validation body (`detail` as a list of `{ loc, msg }`). */
  issues?: ValidationIssue[]
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined)

const isIssue = (v: unknown): v is ValidationIssue => isRecord(v) && typeof v.msg === 'string'

const describeIssue = (issue: ValidationIssue): string => {
  const where = Array.isArray(issue.loc) ? issue.loc.join('.') : ''
  return where ? `${where}: ${issue.msg}` : issue.msg
}

const safeJson = (v: unknown): string | undefined => {
  try {
    return JSON.stringify(v)
  } catch {
    return undefined
  }
}

// Text bodies can be whole HTML error pages; keep messages readable.
const MAX_TEXT = 500
const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text)

/**
 * Reads an error body of any shape the API uses: FastAPI `{detail}` (a string, an object, or a
 * list of `{loc, msg, type}`), the older flat `{error_code, message, request_id}`, OAuth's
 * `{error, error_description}`, plain text,
 * or nothing at all. Markup (a proxy's HTML error page) gives no message: the status says more.
 */
export function summarizeErrorBody(body: unknown): ErrorBodySummary {
  const out: ErrorBodySummary = {}
  if (typeof body === 'string') {
    const text = body.trim()
    if (text[0] !== '<') out.message = str(text)
  } else if (isRecord(body)) {
    const detail = body.detail
    // OAuth-style bodies (the identity routes) say {error, error_description}.
    out.errorCode = str(body.error_code) ?? str(body.code) ?? str(body.error)
    out.requestId = str(body.request_id)
    out.message = str(body.message) ?? str(body.error_description)
    if (typeof detail === 'string') out.message ??= detail
    else if (Array.isArray(detail)) {
      const issues = detail.filter(isIssue)
      if (issues.length) out.issues = issues
      out.message ??= issues.length ? issues.map(describeIssue).join('; ') : safeJson(detail)
    } else if (isRecord(detail)) {
      out.errorCode ??= str(detail.error_code) ?? str(detail.code)
      out.message ??= str(detail.message) ?? str(detail.msg) ?? safeJson(detail)
    }
  }
  if (out.message) out.message = clip(out.message)
  return out
}
