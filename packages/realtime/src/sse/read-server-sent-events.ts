import { AmigoError, ConfigurationError, NetworkError, untilAborted } from '@amigo-ai/core'
import { createParser, type EventSourceMessage, type ParseError as SseParseError } from 'eventsource-parser'
import { SseFrameTooLargeError } from './sse-frame-too-large-error'

/** One parsed Server-Sent Events message (`data:` lines joined with `\n`). */
export interface ServerSentEvent {
  /** The `id:` field of this message, when the server sent one. */
  id?: string
  /** The `event:` field (`undefined` when the server sent none; browsers would call it `message`). */
  event?: string
  /** The message payload. */
  data: string
}

/** Options for {@link readServerSentEvents}. */
export interface ReadServerSentEventsOptions {
  /** Largest single unterminated frame accepted, in decoded characters (default 1 MiB). */
  maxFrameBytes?: number
  /** Stops reading (the iterator ends quietly) and cancels the body when aborted. */
  signal?: AbortSignal
  /** Called with the server's `retry:` reconnection delay (milliseconds). */
  onRetry?: (retryMs: number) => void
  /** Called for every `:` comment line (servers use them as keep-alives). */
  onComment?: (comment: string) => void
}

/** Default cap on one unterminated frame: 1 MiB (a literal: bundlers keep an unused `1024 * 1024`). */
export const DEFAULT_MAX_FRAME_BYTES: number = 1_048_576

/** What `readServerSentEvents` reads: a fetch `Response` or its body stream. */
export type ServerSentEventSource = Response | ReadableStream<Uint8Array>

const bodyOf = (source: ServerSentEventSource): ReadableStream<Uint8Array> | null =>
  source instanceof ReadableStream ? source : source.body

/**
 * Parses a `text/event-stream` body into messages, lazily: the next chunk is read only after every
 * message of the previous chunk has been consumed, so a slow consumer holds back the network instead
 * of growing a buffer. Breaking out of the loop (or aborting `signal`) cancels the body.
 * A frame growing past `maxFrameBytes` without a terminating blank line throws {@link SseFrameTooLargeError}.
 */
export async function* readServerSentEvents(
  source: ServerSentEventSource,
  options: ReadServerSentEventsOptions = {},
): AsyncGenerator<ServerSentEvent, void, undefined> {
  // Checked here, not in the batch reader: internal callers validate their own options, and the
  // workspace-event bundle should not carry these messages twice.
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES
  // A NaN or negative cap would fail the first frame with a misleading "frame too large".
  if (typeof maxFrameBytes !== 'number' || !(maxFrameBytes > 0))
    throw new ConfigurationError('maxFrameBytes must be a positive number of characters')
  if (!(source instanceof ReadableStream) && typeof (source as Response | null)?.body !== 'object')
    // No function name: readTurnStreamEvents hands its source on to here unchecked.
    throw new ConfigurationError('the source must be a fetch Response or a ReadableStream of bytes')
  const body = bodyOf(source)
  if (!body) return
  try {
    for await (const batch of readServerSentEventBatches(body, options)) yield* batch
  } catch (error) {
    // A connection cut mid-stream surfaces as the runtime's own TypeError ("terminated"); it is a
    // network failure like any other the SDK reports.
    if (error instanceof AmigoError) throw error
    throw new NetworkError(`The event stream was cut off: ${(error as Error)?.message ?? error}`, {
      cause: error,
    })
  }
}

/**
 * The messages of each network chunk as one array (never empty), with the same laziness, abort and
 * size rules as {@link readServerSentEvents}. Internal consumers use it so that an event costs a
 * plain loop step rather than an async-generator hop (one such hop per chunk instead).
 */
export async function* readServerSentEventBatches(
  body: ReadableStream<Uint8Array>,
  options: ReadServerSentEventsOptions = {},
): AsyncGenerator<ServerSentEvent[], void, undefined> {
  const { signal, onRetry, onComment } = options
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES
  const reader = body.getReader()
  let pending: ServerSentEvent[] = []
  let overflow: SseParseError | undefined
  const parser = createParser({
    maxBufferSize: maxFrameBytes,
    onEvent: (m: EventSourceMessage) => {
      pending.push(m)
    },
    onRetry,
    onComment,
    onError: (err) => {
      // Unknown fields and bad retry values are ignored, as the SSE spec asks; only an oversized
      // frame ends the read.
      if (err.type === 'max-buffer-size-exceeded') overflow = err
    },
  })
  const decoder = new TextDecoder()
  // Hands over the messages parsed so far; a fresh array, since the consumer may keep the batch.
  const take = () => {
    const batch = pending
    pending = []
    return batch
  }
  // eventsource-parser keeps a CR that ends the text it is fed until it sees whether an LF follows,
  // so an event ended by bare CRs would wait for the next chunk (for ever on a quiet stream), and the
  // kept CR would count toward the next frame's size. The parser is fed LF line ends only (CRLF and
  // CR become LF); a CR that ends a text is carried to the front of the next, so that a CRLF cut in
  // two still reads as one line end (the line end it makes there was fed already, and is cut off).
  let carry = ''
  try {
    while (true) {
      if (signal?.aborted) return
      let chunk: ReadableStreamReadResult<Uint8Array>
      try {
        // An abort ends a pending read at once; the reader is cancelled on the way out (release).
        chunk = await untilAborted(reader.read(), signal)
      } catch (err) {
        if (signal?.aborted) return
        throw err
      }
      // The last read flushes the decoder (its value is undefined, and `stream` false).
      const text = carry + decoder.decode(chunk.value, { stream: !chunk.done })
      parser.feed(text.replace(/\r\n?/g, '\n').slice(carry.length))
      carry = text.endsWith('\r') ? '\r' : ''
      // Messages completed before the overflow are still delivered, then the read fails.
      if (pending.length) yield take()
      if (chunk.done) return
      if (overflow)
        throw new SseFrameTooLargeError(
          `An event-stream frame passed ${maxFrameBytes} characters unterminated`,
          { limit: maxFrameBytes },
        )
    }
  } finally {
    release(reader)
  }
}

/** Cancels the stream and lets go of its reader. */
function release(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  reader.cancel().catch(() => {})
  try {
    reader.releaseLock()
  } catch {
    // Some runtimes refuse while a cancelled read is still settling; the stream is cancelled anyway.
  }
}
