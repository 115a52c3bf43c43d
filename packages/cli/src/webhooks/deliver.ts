import { CliError } from '../errors/cli-error'

/** What the handler answered. */
export interface HandlerAnswer {
  status: number
  statusText: string
  ok: boolean
  body: string
}

/** A signed delivery: the exact body and the headers that go with it. */
export interface SignedDelivery {
  headers: Record<string, string>
  body: string
}

/**
 * POSTs `delivery` to the handler at `url` and reads its answer, all within `timeoutMs`. `signal`
 * (Ctrl-C) ends it with its own reason, which the caller reports as an interruption. The deadline is
 * a plain timer on a controller of its own: on Node 20 a signal made by AbortSignal.timeout (or
 * AbortSignal.any) that nothing else refers to can be garbage collected before it fires, and the
 * wait for a handler that never finishes its answer would then never end.
 */
export async function deliver(
  url: string,
  delivery: SignedDelivery,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<HandlerAnswer> {
  const stop = new AbortController()
  const timer = setTimeout(() => stop.abort(), timeoutMs)
  const interrupt = () => stop.abort(signal.reason)
  signal.addEventListener('abort', interrupt, { once: true })
  try {
    signal.throwIfAborted()
    const response = await fetch(url, {
      method: 'POST',
      ...delivery,
      redirect: 'manual',
      signal: stop.signal,
    })
    const body = await response.text()
    return { status: response.status, statusText: response.statusText, ok: response.ok, body }
  } catch (error) {
    if (signal.aborted) throw error
    if (stop.signal.aborted)
      throw new CliError(`your handler at ${url} did not answer within ${seconds(timeoutMs)} s`, {
        hint: 'is it stuck? give it longer with --timeout <seconds>',
      })
    const code = (error as { cause?: { code?: string } }).cause?.code
    throw new CliError(`cannot reach your handler at ${url}${code ? ` (${code})` : ''}`, {
      hint: 'is it running, and listening on that port?',
    })
  } finally {
    clearTimeout(timer)
    signal.removeEventListener('abort', interrupt)
  }
}

// Rounded to the millisecond: 0.7 s is 700.0000000000001 ms in floating point.
const seconds = (ms: number) => Number((ms / 1000).toFixed(3))
