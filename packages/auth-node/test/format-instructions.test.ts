import { describe, expect, it } from 'vitest'
import { formatDeviceCodeInstructions } from '../src/index'

describe('formatDeviceCodeInstructions', () => {
  it('shows the direct link, the plain page and the code, on separate lines', () => {
    const text = formatDeviceCodeInstructions({
      device_code: 'secret-device-code',
      user_code: 'WDJB-MJHT',
      verification_uri: 'https://login.example/device',
      verification_uri_complete: 'https://login.example/device?user_code=WDJB-MJHT',
      expires_in: 900,
      interval: 5,
    })
    const lines = text.split('\n')
    expect(lines).toContain('  https://login.example/device?user_code=WDJB-MJHT')
    expect(lines).toContain('Or go to https://login.example/device and enter the code:')
    expect(lines).toContain('  WDJB-MJHT')
    expect(text).toMatch(/expires in about 15 minutes/)
    // The device code is the client's secret and never shown.
    expect(text).not.toContain('secret-device-code')
  })

  it('does not repeat the page when there is no separate direct link', () => {
    const text = formatDeviceCodeInstructions({ user_code: 'AB-CD', verification_uri: 'https://x/device' })
    expect(text.match(/https:\/\/x\/device/g)).toHaveLength(1)
    expect(text).toContain('AB-CD')
    expect(text).not.toMatch(/expires/)
    expect(text.endsWith('AB-CD')).toBe(true)
  })

  it('says "1 minute" for short-lived codes', () => {
    const text = formatDeviceCodeInstructions({
      user_code: 'A',
      verification_uri: 'https://x',
      expires_in: 45,
    })
    expect(text).toMatch(/about 1 minute\./)
  })

  it('names what is missing instead of crashing on a wrong argument', () => {
    for (const bad of [null, undefined, {}, { user_code: 5, verification_uri: 'https://x' }])
      expect(() => formatDeviceCodeInstructions(bad as never)).toThrow(
        /needs the issuance passed to onCode \(user_code and verification_uri strings\)/,
      )
  })
})
