import { ConfigurationError, isAbortSignal, kindOf, MAX_TIMER_MS } from '@amigo-ai/core'
import type { ReconnectingWebSocketOptions } from './create-reconnecting-websocket'

// MAX_TIMER_MS: timers overflow past it and then fire at once, so an idle watchdog that large would
// replace every socket immediately, a backoff that large would reconnect in a tight loop.

const FUNCTIONS = [
  'getProtocols',
  'webSocketFactory',
  'WebSocket',
  'random',
  'onMessage',
  'onOpen',
  'onStateChange',
  'onReconnect',
  'onError',
  'onTokenExpired',
] as const
const DURATIONS = [
  'idleTimeoutMs',
  'openTimeoutMs',
  'initialDelayMs',
  'maxDelayMs',
  'rateLimitDelayMs',
] as const

/** Throws `ConfigurationError` naming the first of `names` that is set in `o` but not a function. */
export function checkFunctions<T extends object>(o: T, names: readonly (keyof T & string)[]): void {
  for (const name of names)
    if (o[name] !== undefined && typeof o[name] !== 'function')
      throw new ConfigurationError(`${name} must be a function, got ${kindOf(o[name])}`)
}

/** Throws `ConfigurationError` naming the first of `names` that is set in `o` but not a timer-safe number of ms. */
export function checkDurations<T extends object>(o: T, names: readonly (keyof T & string)[]): void {
  for (const name of names) {
    const v = o[name]
    if (v !== undefined && (typeof v !== 'number' || !(v >= 0) || !(v <= MAX_TIMER_MS)))
      throw new ConfigurationError(`${name} must be a number of milliseconds from 0 to ${MAX_TIMER_MS}`)
  }
}

/**
 * Checks the options of `createReconnectingWebSocket` up front, so a wrong type fails at creation
 * with the option's name rather than as a reconnect storm later. Never echoes a value (the URL may
 * carry a query token).
 */
export function validateWebSocketOptions(o: ReconnectingWebSocketOptions): void {
  if (typeof o !== 'object' || o === null)
    throw new ConfigurationError(`WebSocket options must be an object, got ${kindOf(o)}`)
  // The content of a URL string is the socket's to judge: a bad one ends as `open_failed` via onError.
  if (typeof o.url !== 'string' && typeof o.url !== 'function')
    throw new ConfigurationError(`url must be a string or a function returning one, got ${kindOf(o.url)}`)
  const p = o.protocols
  if (
    p !== undefined &&
    typeof p !== 'string' &&
    !(Array.isArray(p) && p.every((x) => typeof x === 'string'))
  )
    throw new ConfigurationError('protocols must be a string or an array of strings')
  checkFunctions(o, FUNCTIONS)
  if (o.webSocketFactory !== undefined && o.WebSocket !== undefined)
    throw new ConfigurationError('Give webSocketFactory or WebSocket, not both')
  checkDurations(o, DURATIONS)
  const m = o.maxReconnects
  // Infinity is a deliberate "never give up".
  if (
    m !== undefined &&
    (typeof m !== 'number' || !(Number.isInteger(m) || m === Number.POSITIVE_INFINITY) || m < 0)
  )
    throw new ConfigurationError(`maxReconnects must be a whole number >= 0 (or Infinity), got ${kindOf(m)}`)
  if (o.signal !== undefined && !isAbortSignal(o.signal))
    throw new ConfigurationError(`signal must be an AbortSignal, got ${kindOf(o.signal)}`)
}
