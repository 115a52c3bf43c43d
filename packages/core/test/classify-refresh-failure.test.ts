// Which failed refresh-token exchanges sign the user out: a 4xx refusal (or an OAuth error sent with
// a 200, as some identity services do), never a 5xx, a 429 or a redirect, whatever their bodies say.
import { describe, expect, it } from 'vitest'
import {
  AmigoError,
  classifyRefreshFailure,
  isRefreshTokenExpiredError,
  isRefreshTokenReusedError,
} from '../src/index'

const failure = (status: number, body: unknown = { error: 'invalid_grant' }) =>
  new AmigoError(`HTTP ${status}`, { status, body })

describe('classifyRefreshFailure', () => {
  it('takes a 4xx and an OAuth error sent with a 200 for a refusal', () => {
    for (const status of [200, 400, 401])
      expect(isRefreshTokenExpiredError(classifyRefreshFailure(failure(status)))).toBe(true)
    const reused = classifyRefreshFailure(failure(400, { error: 'refresh_token_reused' }))
    expect(isRefreshTokenReusedError(reused)).toBe(true)
  })

  it('returns a 5xx, a 429 and a redirect as they are', () => {
    for (const status of [301, 302, 303, 307, 308, 429, 500, 503]) {
      const error = failure(status)
      expect(classifyRefreshFailure(error), String(status)).toBe(error)
    }
  })
})
