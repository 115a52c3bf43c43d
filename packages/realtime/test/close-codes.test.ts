import { describe, expect, it } from 'vitest'
import { CloseCode, classifyClose } from '../src/index'

describe('classifyClose', () => {
  it('sorts every named close code into its step (the sets hold the CloseCode values)', () => {
    for (const code of [
      CloseCode.POLICY_VIOLATION,
      CloseCode.CLIENT_ERROR,
      CloseCode.FORBIDDEN,
      CloseCode.NOT_FOUND,
    ])
      expect(classifyClose(code)).toEqual({ kind: 'terminal', reason: 'client_error' })
    for (const code of [CloseCode.INTERNAL_ERROR, CloseCode.SERVICE_RESTART, CloseCode.BAD_GATEWAY])
      expect(classifyClose(code)).toEqual({ kind: 'retry', reason: 'server_error', rateLimited: false })
    expect(classifyClose(CloseCode.NORMAL)).toEqual({ kind: 'finished' })
    expect(classifyClose(CloseCode.AUTH)).toEqual({ kind: 'terminal', reason: 'auth' })
    expect(classifyClose(CloseCode.TOKEN_EXPIRED)).toEqual({ kind: 'refresh' })
    expect(classifyClose(CloseCode.RATE_LIMITED)).toMatchObject({ kind: 'retry', rateLimited: true })
    expect(classifyClose(CloseCode.ABNORMAL)).toEqual({
      kind: 'retry',
      reason: 'connection_lost',
      rateLimited: false,
    })
  })
})
