import { STATUS_CODES } from 'node:http'

/**
 * A whole HTTP/1.1 response with a JSON `{"detail": ...}` body, as raw text for a socket no
 * ServerResponse writes to (a request node:http could not parse, a CONNECT). It says
 * `connection: close`: the mock closes the connection after it.
 */
export function rawJsonAnswer(status: number, detail: string, headers: Record<string, string> = {}): string {
  const body = JSON.stringify({ detail })
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    'connection: close',
  ]
  return `${head.join('\r\n')}\r\n\r\n${body}`
}
