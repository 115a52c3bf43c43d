import { oauthError } from '../auth/token-form'
import type { ValidationIssue } from '../spec/pydantic-errors'
import { Ending } from './ending'

/**
 * Identity routes whose contract documents OAuth errors (`{error, error_description}`, RFC 6749
 * §5.2) and no 422: a body they cannot read, or whose fields break the schema, is a malformed
 * request there.
 */
const OAUTH_ROUTES = new Set(['POST /token', 'POST /device/code'])

/** What is wrong with the body, in words that never quote what was sent. */
function describe(issue: ValidationIssue): string {
  if (issue.type === 'missing' && issue.loc.length === 1)
    return 'the request has no body: send the fields form-encoded (application/x-www-form-urlencoded)'
  if (issue.type === 'json_invalid')
    return `the body could not be read (${issue.msg}): send the fields form-encoded (application/x-www-form-urlencoded)`
  const field = issue.loc.slice(1).join('.')
  return field ? `${field}: ${issue.msg}` : issue.msg
}

/** The 400 `invalid_request` an OAuth route answers for these body issues; undefined on other routes. */
export function oauthBodyError(opKey: string, issues: ValidationIssue[]): Ending | undefined {
  if (!OAUTH_ROUTES.has(opKey)) return undefined
  const { status, body } = oauthError(400, 'invalid_request', issues.map(describe).join('; '))
  return Ending.answer(status, body, { 'cache-control': 'no-store' })
}
