/**
 * Calls one of the caller's callbacks and contains what goes wrong in it: a throw, or the rejection
 * of a returned promise, is reported with `console.error` (naming the callback) and never reaches the
 * loop that made the call. (A DOM-style `reportError`, or a rethrow on a timer, would end the process
 * in Node and Deno for a bug in one handler of one event.) When the callback returned a promise, the
 * result is that promise settled either way, so a caller that awaits (an async `onEvent`) still waits.
 */
export function callUserCallback<A extends unknown[]>(
  name: string,
  callback: ((...args: A) => unknown) | undefined,
  ...args: A
): Promise<void> | undefined {
  try {
    const result = callback?.(...args)
    if (result instanceof Promise) return result.then(ignore, (error: unknown) => report(name, error))
  } catch (error) {
    report(name, error)
  }
}

const ignore = () => {}
const report = (name: string, error: unknown) => console.error(`@amigo-ai/realtime: ${name} threw`, error)
