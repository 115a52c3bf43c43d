import type { IncomingMessage, ServerResponse } from 'node:http'
import type { MockFault } from '../faults/types'
import { Ending } from './ending'
import { sendJson } from './respond'

/**
 * Applies the transport-level part of a fault: a reset or held connection, a malformed body or an
 * injected status. Undefined when the fault leaves the request to the rest of the pipeline.
 */
export function applyFault(
  fault: MockFault,
  req: IncomingMessage,
  res: ServerResponse,
  held: Set<IncomingMessage>,
  requestId: string,
): Ending | undefined {
  if (fault.reset) {
    const socket = req.socket as { resetAndDestroy?: () => void; destroy: () => void }
    if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy()
    else socket.destroy()
    return Ending.dropped
  }
  if (fault.halfOpen) {
    held.add(req)
    req.socket.once('close', () => held.delete(req))
    return Ending.dropped
  }
  if (fault.malformedJson) {
    const body = '{"items": [{"id": '
    const status = fault.status ?? 200
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'x-request-id': requestId,
    })
    res.end(body)
    return Ending.written(status)
  }
  if (fault.status !== undefined) {
    const headers: Record<string, string> = { 'x-request-id': requestId }
    if (fault.retryAfter !== undefined || fault.status === 429)
      headers['retry-after'] = String(fault.retryAfter ?? 1)
    sendJson(res, fault.status, fault.body ?? { detail: `Injected fault: HTTP ${fault.status}` }, headers)
    return Ending.written(fault.status)
  }
  return undefined
}
