import type { MockFault } from './types'

/** Longest wait a timer can hold; past it Node fires at once (with a warning) instead of waiting. */
export const MAX_TIMER_MS = 2_147_483_647

type Check = (v: unknown) => string | undefined

const number =
  (max: number, whole = false): Check =>
  (v) =>
    typeof v === 'number' && v >= 0 && v <= max && (!whole || Number.isInteger(v))
      ? undefined
      : `a ${whole ? 'whole ' : ''}number from 0 to ${max}`
const boolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'true or false')

// What each field must hold. An HTTP status outside 200-599 cannot be sent as a final answer
// (node throws on it, 1xx ends the exchange), and a header value cannot hold control characters.
const CHECKS: Record<keyof MockFault, Check> = {
  status: (v) =>
    Number.isInteger(v) && (v as number) >= 200 && (v as number) <= 599
      ? undefined
      : 'a whole number from 200 to 599',
  retryAfter: (v) =>
    typeof v === 'string'
      ? /^[\x20-\x7e]*$/.test(v)
        ? undefined
        : 'printable ASCII'
      : number(Number.MAX_SAFE_INTEGER, true)(v),
  body: () => undefined,
  latencyMs: number(MAX_TIMER_MS),
  reset: boolean,
  halfOpen: boolean,
  malformedJson: boolean,
  sseDropEvery: number(Number.MAX_SAFE_INTEGER, true),
  wsKill: boolean,
  wsKillAfterMs: number(MAX_TIMER_MS),
  times: number(Number.MAX_SAFE_INTEGER, true),
  path: (v) => (typeof v === 'string' || v instanceof RegExp ? undefined : 'a string or a RegExp'),
  method: (v) => (typeof v === 'string' ? undefined : 'a string'),
}

/**
 * Checks a fault before it is armed; throws a TypeError starting with `where` that names the first
 * unknown key or the first field of the wrong type or out of range.
 */
export function checkFault(fault: unknown, where: string): MockFault {
  if (typeof fault !== 'object' || fault === null || Array.isArray(fault))
    throw new TypeError(`${where} must be an object`)
  for (const [key, value] of Object.entries(fault)) {
    if (!Object.hasOwn(CHECKS, key)) throw new TypeError(`${where}: unknown key "${key}"`)
    if (value === undefined) continue
    const wanted = CHECKS[key as keyof MockFault](value)
    if (wanted) throw new TypeError(`${where}: ${key} must be ${wanted}, got ${describe(value)}`)
  }
  return fault as MockFault
}

const describe = (v: unknown): string =>
  typeof v === 'number' || typeof v === 'boolean' ? String(v) : v === null ? 'null' : typeof v
