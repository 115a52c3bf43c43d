import type { Colors } from '../io/colors'
import { printable } from '../io/printable'

/** An event as printed: its SSE id, type and the rest of its fields. */
export interface PrintedEvent {
  id?: string
  type: string
  data: Record<string, unknown>
}

/**
 * One JSON line: `{"id":…,"type":…,"data":{…}}`, for pipes and `--json`. On a `terminal` the C1
 * and bidirectional controls JSON leaves as they are (`\u009b` starts an escape sequence, `\u202e`
 * reverses the line) are shown escaped, as `amigo api` shows them; a pipe gets the data as received.
 */
export function eventJsonLine(e: PrintedEvent, terminal = false): string {
  const line = JSON.stringify({ id: e.id ?? null, type: e.type, data: e.data })
  return terminal ? printable(line) : line
}

/** One line for people: time, type (coloured by family) and the fields as compact JSON. */
export function eventLine(e: PrintedEvent, c: Colors, now = new Date()): string {
  const time = now.toISOString().slice(11, 19)
  // The server's text is shown, never obeyed by the terminal: escaped before it is coloured.
  const fields = printable(JSON.stringify(e.data))
  return `${c.dim(time)} ${typeColor(e.type, c)(printable(e.type).padEnd(24))} ${c.dim(fields)}`
}

function typeColor(type: string, c: Colors): (s: string) => string {
  if (/(failed|error|bounced|rejected|escalated)/.test(type)) return c.red
  if (type.startsWith('call.')) return c.cyan
  if (type.startsWith('surface.')) return c.magenta
  if (type.startsWith('trigger.')) return c.yellow
  return c.green
}
