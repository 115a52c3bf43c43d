import { randomBytes } from 'node:crypto'

interface DeviceState {
  deviceCode: string
  userCode: string
  status: 'pending' | 'approved' | 'denied' | 'expired' | 'consumed'
  expiresAt: number
  interval: number
  lastPollAt?: number
  workspaces: string[]
  scope?: string
}

/** Result of one poll of the token endpoint with a device code. */
type DevicePoll =
  | { kind: 'approved'; workspaces: string[]; userCode: string }
  | { kind: 'error'; error: string; description: string }

/** Device-code issuance and polling state (RFC 8628 style). */
export interface DeviceCodes {
  issue(scope?: string): { deviceCode: string; userCode: string; expiresIn: number; interval: number }
  poll(deviceCode: string): DevicePoll
  consume(deviceCode: string): void
  approve(userCode: string, workspaces: string[]): void
  deny(userCode: string): void
  expire(userCode: string): void
}

const ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ'

/** A fresh user code, `XXXX-XXXX` in consonants only. */
function newUserCode(): string {
  const bytes = randomBytes(8)
  const letters = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')
  return `${letters.slice(0, 4)}-${letters.slice(4)}`
}

/** The answer to a poll at `now` of the code in state `s`; records the poll and any slow-down in `s`. */
function answerPoll(s: DeviceState | undefined, now: number): DevicePoll {
  if (!s || s.status === 'consumed')
    return { kind: 'error', error: 'invalid_grant', description: 'unknown or used device code' }
  if (s.status === 'expired' || now >= s.expiresAt) {
    s.status = 'expired'
    return { kind: 'error', error: 'expired_token', description: 'the device code has expired' }
  }
  if (s.status === 'denied')
    return { kind: 'error', error: 'access_denied', description: 'the user denied the request' }
  const tooSoon = s.lastPollAt !== undefined && now - s.lastPollAt < s.interval * 1000
  s.lastPollAt = now
  if (tooSoon) {
    s.interval += 5
    return { kind: 'error', error: 'slow_down', description: `poll at most every ${s.interval} s` }
  }
  if (s.status === 'pending')
    return { kind: 'error', error: 'authorization_pending', description: 'waiting for the user' }
  return { kind: 'approved', workspaces: s.workspaces, userCode: s.userCode }
}

/** Creates the device-code state machine. */
export function createDeviceCodes(intervalSeconds: number, expiresInSeconds: number): DeviceCodes {
  const byDevice = new Map<string, DeviceState>()
  const byUser = new Map<string, DeviceState>()
  const find = (userCode: string) => {
    const s = byUser.get(userCode.toUpperCase())
    if (!s) throw new Error(`platform-mock: unknown user code ${userCode}`)
    return s
  }
  // An expired or used code stays so: approved again, it would hand out a token once more.
  const decidable = (userCode: string) => {
    const s = find(userCode)
    if (s.status === 'consumed') throw new Error(`platform-mock: user code ${userCode} was already used`)
    if (s.status === 'expired' || Date.now() >= s.expiresAt)
      throw new Error(`platform-mock: user code ${userCode} has expired`)
    return s
  }
  return {
    issue(scope) {
      const userCode = newUserCode()
      const state: DeviceState = {
        deviceCode: randomBytes(24).toString('base64url'),
        userCode,
        status: 'pending',
        expiresAt: Date.now() + expiresInSeconds * 1000,
        interval: intervalSeconds,
        workspaces: [],
        scope,
      }
      byDevice.set(state.deviceCode, state)
      byUser.set(userCode, state)
      return {
        deviceCode: state.deviceCode,
        userCode,
        expiresIn: expiresInSeconds,
        interval: intervalSeconds,
      }
    },
    poll(deviceCode) {
      return answerPoll(byDevice.get(deviceCode), Date.now())
    },
    consume(deviceCode) {
      const s = byDevice.get(deviceCode)
      if (s) s.status = 'consumed'
    },
    approve(userCode, workspaces) {
      const s = decidable(userCode)
      s.status = 'approved'
      s.workspaces = workspaces
    },
    deny(userCode) {
      decidable(userCode).status = 'denied'
    },
    expire(userCode) {
      find(userCode).status = 'expired'
    },
  }
}
