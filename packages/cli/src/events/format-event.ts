import type { Colors } from '../io/colors'
import { printable } from '../io/printable'

/** An event as printed: its SSE id, type and the rest of its fields. */
export interface PrintedEvent {
  id?: string
  type: string
  data: Record<string, unknown>
}

/** One JSON line: `{"id":…,"type":…,"data":{…}}`, for pipes and `--json`. */
export const eventJsonLine = (e: PrintedEvent): string =>
  JSON.stringify({ id: e.id ?? null, type: e.type, data: e.data })

/** One line for people: time, type (coloured by family) and the fields as compact JSON. */
export function eventLine(e: PrintedEvent, c: Colors, now = new Date()): string {
  const time = now.toISOString().slice(11, 19)
  // The type is the server's text: shown, never obeyed by the terminal (the fields are JSON-escaped).
  return `${c.dim(time)} ${typeColor(e.type, c)(printable(e.type).padEnd(24))} ${c.dim(JSON.stringify(e.data))}`
}

function typeColor(type: string, c: Colors): (s: string) => string {
  if (/(failed|error|bounced|rejected|escalated)/.test(type)) return c.red
  if (type.startsWith('call.')) return c.cyan
  if (type.startsWith('surface.')) return c.magenta
  if (type.startsWith('trigger.')) return c.yellow
  return c.green
}
