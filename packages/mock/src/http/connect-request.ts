import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { requestTarget } from '../spec/request-target'
import type { Router } from '../spec/router'
import type { PendingResponses } from './pending-responses'
import { rawJsonAnswer } from './raw-answer'

/**
 * The server's `connect` listener. node:http hands a CONNECT request its bare socket and, without a
 * listener, closes it unanswered; the mock tunnels nothing, so it answers as it does any method a
 * route lacks (405 with `Allow` on a route's path, else 404), after the answers to the requests
 * before it on the connection, then closes the connection.
 */
export function answerConnect(router: Router, pending: PendingResponses) {
  return (req: IncomingMessage, socket: Duplex): void => {
    // node:http stops listening for errors on a socket it hands over: a client reset would crash the mock.
    socket.on('error', () => socket.destroy())
    const match = router.match('CONNECT', requestTarget(req.url).pathname)
    const answer =
      match.kind === 'method-not-allowed'
        ? rawJsonAnswer(405, 'Method Not Allowed', { allow: match.allow.join(', ') })
        : rawJsonAnswer(404, 'Not Found')
    pending.endWith(socket, answer)
  }
}
