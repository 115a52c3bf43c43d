import { CliError } from '../errors/cli-error'
import { connectionFailure } from '../errors/connection-failure'
import { handlerAddress } from './handler-address'

/** At most this much of a handler's answer is read: it is shown to a person, not kept. */
export const SHOWN_BYTES = 64 * 1024

/** What the handler answered. */
export interface HandlerAnswer {
  status: number
  statusText: string
  ok: boolean
  /** The start of the body, at most SHOWN_BYTES of it. */
  body: string
  /** True when the body went on past SHOWN_BYTES (the rest was not read). */
  cut: boolean
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
    const { text, cut } = await readStart(response.body, SHOWN_BYTES)
    return { status: response.status, statusText: response.statusText, ok: response.ok, body: text, cut }
  } catch (error) {
    if (signal.aborted) throw error
    if (stop.signal.aborted)
      throw new CliError(
        `your handler at ${handlerAddress(url)} did not answer within ${seconds(timeoutMs)} s`,
        {
          hint: 'is it stuck? give it longer with --timeout <seconds>',
        },
      )
    throw handlerFailure(url, error)
  } finally {
    clearTimeout(timer)
    signal.removeEventListener('abort', interrupt)
  }
}

// "cannot reach" only when no connection was made: a handler that cut the connection was reached.
function handlerFailure(url: string, error: unknown): CliError {
  const failure = connectionFailure(error)
  if (failure !== undefined && !failure.unreachable) {
    const what = failure.cutOff ? 'cut its answer off' : 'did not answer'
    return new CliError(`your handler at ${handlerAddress(url)} ${what}: ${failure.words}`, {
      hint: 'did it crash? its log may say why',
    })
  }
  const code = (error as { cause?: { code?: string } }).cause?.code
  const why = failure ? `: ${failure.words}` : code ? ` (${code})` : ''
  return new CliError(`cannot reach your handler at ${handlerAddress(url)}${why}`, {
    hint: 'is it running, and listening on that port?',
  })
}

/**
 * The first `max` bytes of a body as text. A body that goes on is not read further: a handler
 * answering with a huge (or endless) body must not fill the memory or the terminal.
 */
async function readStart(
  body: ReadableStream<Uint8Array> | null,
  max: number,
): Promise<{ text: string; cut: boolean }> {
  if (!body) return { text: '', cut: false }
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.length
      if (size > max) break
    }
  } finally {
    reader.cancel().catch(() => {})
  }
  const bytes = Buffer.concat(chunks)
  return { text: new TextDecoder().decode(bytes.subarray(0, max)), cut: size > max }
}

// Rounded to the millisecond: 0.7 s is 700.0000000000001 ms in floating point.
const seconds = (ms: number) => Number((ms / 1000).toFixed(3))
