/**
 * Reports an exception thrown by a caller's callback without breaking the connection that invoked
 * it: like a throwing DOM event listener, it surfaces as an uncaught error on its own tick.
 */
export function reportCallbackError(error: unknown): void {
  const report = (globalThis as { reportError?: (e: unknown) => void }).reportError
  if (typeof report === 'function') report(error)
  else
    setTimeout(() => {
      throw error
    }, 0)
}
