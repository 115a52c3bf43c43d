import { fstatSync, writeSync } from 'node:fs'

const NOTHING = new Uint8Array(0)

/**
 * True when `stream` is a socket its reader has closed: a program that started the CLI (Node's
 * child_process gives it sockets) and stopped reading. An empty write finds that out without
 * sending anything. A pipe (`| head -1`) cannot be asked this way: an empty write to one succeeds
 * whether anyone reads it or not, so there only the next real write tells (EPIPE, see cli.ts).
 */
export function readerGone(stream: object): boolean {
  const fd = (stream as { fd?: unknown }).fd
  if (typeof fd !== 'number') return false
  try {
    if (!fstatSync(fd).isSocket()) return false
    writeSync(fd, NOTHING)
    return false
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'EPIPE' || code === 'ECONNRESET'
  }
}
