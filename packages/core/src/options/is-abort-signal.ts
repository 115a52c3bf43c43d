/**
 * Whether `s` is an AbortSignal. Duck-typed: a signal from another realm (jsdom, a `vm` context, a
 * polyfill) is no `instanceof AbortSignal` here, yet works with every runtime's fetch.
 */
export const isAbortSignal = (s: unknown): s is AbortSignal =>
  typeof s === 'object' &&
  s !== null &&
  typeof (s as AbortSignal).aborted === 'boolean' &&
  typeof (s as AbortSignal).addEventListener === 'function'
