import { checkFault } from './check'
import type { MockFault } from './types'

const num = (key: string, v: string | undefined): number => {
  const n = Number(v)
  if (v === undefined || v === '' || !Number.isFinite(n) || n < 0)
    throw new Error(`x-mock-fault: ${key} needs a non-negative number`)
  return n
}

/**
 * Parses the `x-mock-fault` header: JSON (`{"status":503,"times":2}`) or the short form
 * `status=503;times=2`, `status=429;retry-after=1`, `latency=50`, `reset`, `half-open`,
 * `malformed-json`, `sse-drop-every=10`, `ws-kill`. Throws naming the bad part (see `checkFault`).
 */
export function parseFault(header: string): MockFault {
  const text = header.trim()
  if (text.startsWith('{')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new Error('x-mock-fault: not valid JSON')
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('x-mock-fault: JSON must be an object')
    return checkFault(parsed, 'x-mock-fault')
  }
  const fault: MockFault = {}
  for (const part of text.split(/[;,]/)) {
    const [rawKey, ...rest] = part.split('=')
    const key = rawKey!.trim().toLowerCase()
    const value = rest.join('=').trim() || undefined
    if (!key) continue
    switch (key) {
      case 'status':
        fault.status = num(key, value)
        break
      case 'times':
        fault.times = num(key, value)
        break
      case 'retry-after':
      case 'retryafter':
        fault.retryAfter = value !== undefined && /^\d+$/.test(value) ? Number(value) : value
        break
      case 'latency':
      case 'latency-ms':
        fault.latencyMs = num(key, value)
        break
      case 'reset':
        fault.reset = true
        break
      case 'half-open':
        fault.halfOpen = true
        break
      case 'malformed-json':
        fault.malformedJson = true
        break
      case 'sse-drop-every':
        fault.sseDropEvery = num(key, value)
        break
      case 'ws-kill':
        fault.wsKill = true
        if (value !== undefined) fault.wsKillAfterMs = num(key, value)
        break
      default:
        throw new Error(`x-mock-fault: unknown key "${key}"`)
    }
  }
  return checkFault(fault, 'x-mock-fault')
}
