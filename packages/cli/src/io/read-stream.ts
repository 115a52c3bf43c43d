import { addAbortSignal, type Readable } from 'node:stream'

/**
 * Reads a whole stream (stdin) as UTF-8 text. `signal` (Ctrl-C, SIGTERM) ends the read at once:
 * a writer that never closes stdin must not make the command ignore them.
 */
export async function readStream(stream: NodeJS.ReadableStream, signal: AbortSignal): Promise<string> {
  signal.throwIfAborted()
  const chunks: Buffer[] = []
  for await (const chunk of addAbortSignal(signal, stream as Readable))
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks).toString('utf8')
}
