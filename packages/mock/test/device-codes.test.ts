import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDeviceCodes } from '../src/auth/device-codes'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(1_000_000)
})
afterEach(() => {
  vi.useRealTimers()
})

const at = (ms: number) => vi.setSystemTime(1_000_000 + ms)

describe('createDeviceCodes', () => {
  it('issues readable user codes with the configured interval and lifetime', () => {
    const codes = createDeviceCodes(5, 600)
    const a = codes.issue('openid')
    const b = codes.issue()
    expect(a).toMatchObject({ expiresIn: 600, interval: 5 })
    expect(a.userCode).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/)
    expect(a.deviceCode).toMatch(/^[\w-]{32}$/)
    expect(b.deviceCode).not.toBe(a.deviceCode)
  })

  it('polls pending, slows down a poll inside the interval (raising it by 5 s), then approves', () => {
    const codes = createDeviceCodes(5, 600)
    const { deviceCode, userCode } = codes.issue()
    expect(codes.poll(deviceCode)).toEqual({
      kind: 'error',
      error: 'authorization_pending',
      description: 'waiting for the user',
    })
    at(4_999)
    expect(codes.poll(deviceCode)).toEqual({
      kind: 'error',
      error: 'slow_down',
      description: 'poll at most every 10 s',
    })
    at(14_000)
    expect(codes.poll(deviceCode)).toMatchObject({
      error: 'slow_down',
      description: 'poll at most every 15 s',
    })
    codes.approve(userCode.toLowerCase(), ['ws-1'])
    at(29_000)
    expect(codes.poll(deviceCode)).toEqual({ kind: 'approved', workspaces: ['ws-1'], userCode })
    codes.consume(deviceCode)
    expect(codes.poll(deviceCode)).toEqual({
      kind: 'error',
      error: 'invalid_grant',
      description: 'unknown or used device code',
    })
  })

  it('expires a code by time or on request, and answers a denied one', () => {
    const codes = createDeviceCodes(1, 60)
    const timed = codes.issue()
    at(60_000)
    const expired = { kind: 'error', error: 'expired_token', description: 'the device code has expired' }
    expect(codes.poll(timed.deviceCode)).toEqual(expired)
    // Expired stays expired: it can be neither approved nor denied any more.
    expect(() => codes.approve(timed.userCode, [])).toThrow(`user code ${timed.userCode} has expired`)
    expect(codes.poll(timed.deviceCode)).toEqual(expired)
    const asked = codes.issue()
    codes.expire(asked.userCode)
    expect(() => codes.approve(asked.userCode, [])).toThrow('has expired')
    expect(() => codes.deny(asked.userCode)).toThrow('has expired')
    expect(codes.poll(asked.deviceCode)).toEqual(expired)
    const denied = codes.issue()
    codes.deny(denied.userCode)
    expect(codes.poll(denied.deviceCode)).toEqual({
      kind: 'error',
      error: 'access_denied',
      description: 'the user denied the request',
    })
  })

  it('rejects an unknown user code and ignores an unknown device code', () => {
    const codes = createDeviceCodes(1, 60)
    expect(() => codes.approve('NOPE-NOPE', [])).toThrow('platform-mock: unknown user code NOPE-NOPE')
    expect(() => codes.deny('x')).toThrow('platform-mock: unknown user code x')
    expect(() => codes.expire('x')).toThrow('platform-mock: unknown user code x')
    expect(() => codes.consume('nope')).not.toThrow()
    expect(codes.poll('nope')).toMatchObject({ error: 'invalid_grant' })
  })
})
