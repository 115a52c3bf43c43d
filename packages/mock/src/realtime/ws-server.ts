import type { IncomingMessage } from 'node:http'
import { createRequire } from 'node:module'
import type { Duplex } from 'node:stream'
import type { WebSocket, WebSocketServer } from 'ws'
import { canAccessWorkspace, type Principal } from '../auth/principal'
import type { FaultRegistry } from '../faults/registry'
import type { MockFault } from '../faults/types'
import type { MockCore } from '../http/types'
import { hasDotSegment, type RequestTarget, requestTarget } from '../spec/request-target'
import { safeDecode } from '../spec/router'
import { CallObservers } from './call-observers'
import { MAX_CLIENT_FRAME_BYTES } from './limits'
import { answerTextFrame, mayContinue } from './text-session'
import { subprotocolToken, WS_CLOSE } from './ws-auth'
import { sendJsonFrame } from './ws-send'

const OBSERVER = /^\/v1\/([^/]+)\/observers\/([^/]+)\/ws\/?$/
const TEXT_STREAM = /^\/agent\/text-stream\/?$/
const SESSION_CONNECT = /^\/v1\/([^/]+)\/sessions\/connect\/?$/

// ws is loaded when the first mock starts, not at import (a fifth of the package's cold import time).
const requireLazily = createRequire(import.meta.url)
const wsServerClass = () => (requireLazily('ws') as typeof import('ws')).WebSocketServer

/** Handles WebSocket upgrades: the observer stream, the text stream and session connect. */
export class MockWebSockets {
  private readonly wss: WebSocketServer
  readonly open = new Set<WebSocket>()
  private readonly observers: CallObservers

  constructor(
    private readonly core: MockCore,
    private readonly faults: FaultRegistry,
  ) {
    this.observers = new CallObservers(core)
    // Echo `auth` as the chosen subprotocol so clients offering `auth, <token>` complete the handshake.
    this.wss = new (wsServerClass())({
      noServer: true,
      maxPayload: MAX_CLIENT_FRAME_BYTES,
      handleProtocols: (protocols) => (protocols.has('auth') ? 'auth' : false),
    })
  }

  /** Node `upgrade` event handler. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // node:http stops listening for errors on a socket it hands to 'upgrade': a client that resets
    // while its upgrade is refused (ECONNRESET on the 404) would otherwise crash the mock's process.
    socket.on('error', () => socket.destroy())
    const url = requestTarget(req.url)
    const known =
      !hasDotSegment(url.pathname) &&
      (OBSERVER.test(url.pathname) || TEXT_STREAM.test(url.pathname) || SESSION_CONNECT.test(url.pathname))
    if (!known) {
      socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n')
      return
    }
    let fault: MockFault | undefined
    try {
      const h = req.headers['x-mock-fault']
      fault = this.faults.take('GET', url.pathname, Array.isArray(h) ? h[0] : h)
    } catch {
      fault = undefined
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.open.add(ws)
      // ws has already closed the socket with the matching code (1002, 1007, 1009) when it reports a
      // frame the protocol forbids; unheard, that 'error' event would crash the mock's process.
      ws.on('error', () => undefined)
      // A JSON heartbeat keeps client idle watchdogs (which count inbound messages) from firing.
      const heartbeat = setInterval(
        () => sendJsonFrame(ws, { type: 'heartbeat', at: new Date().toISOString() }),
        this.core.options.sseHeartbeatMs,
      )
      ws.on('close', () => {
        clearInterval(heartbeat)
        this.open.delete(ws)
      })
      // Unref'd, like every wait of the mock: a closed mock must not keep the process alive.
      if (fault?.wsKill) setTimeout(() => ws.terminate(), fault.wsKillAfterMs ?? 20).unref()
      this.route(ws, req, url)
    })
  }

  /** Terminates every open socket without a close frame (the client sees 1006). */
  killAll(): void {
    for (const ws of this.open) ws.terminate()
  }

  /** Closes every socket and the server. */
  close(): void {
    this.observers.stop()
    for (const ws of this.open) ws.terminate()
    this.wss.close()
  }

  private authenticate(
    ws: WebSocket,
    token: string | undefined,
    workspaceId: string | undefined,
  ): Principal | undefined {
    if (!token) {
      ws.close(WS_CLOSE.auth, 'authentication required')
      return undefined
    }
    const p = this.core.auth.resolve(token)
    if (p === 'expired') {
      ws.close(WS_CLOSE.tokenExpired, 'token expired')
      return undefined
    }
    if (!p || (workspaceId && !canAccessWorkspace(p, workspaceId))) {
      ws.close(WS_CLOSE.auth, 'forbidden')
      return undefined
    }
    return p
  }

  private route(ws: WebSocket, req: IncomingMessage, url: RequestTarget): void {
    const sub = subprotocolToken(req)
    let m = OBSERVER.exec(url.pathname)
    if (m) {
      const [, workspaceId, callSid] = m
      const p = this.authenticate(ws, sub, workspaceId)
      if (!p) return
      if (p.kind === 'external_user') {
        ws.close(WS_CLOSE.auth, 'forbidden')
        return
      }
      const call = this.core.store.calls.get(safeDecode(callSid!))
      if (!call || call.workspace_id !== workspaceId) {
        ws.close(WS_CLOSE.notFound, 'unknown call')
        return
      }
      this.observers.observe(ws, call)
      return
    }
    m = SESSION_CONNECT.exec(url.pathname)
    if (m) {
      if (url.searchParams.has('token')) {
        ws.close(WS_CLOSE.auth, 'query tokens are not accepted here')
        return
      }
      const p = this.authenticate(ws, sub, m[1])
      if (!p) return
      const serviceId = url.searchParams.get('service_id')
      if (!serviceId || !url.searchParams.get('entity_id')) {
        ws.close(WS_CLOSE.clientError, 'service_id and entity_id are required')
        return
      }
      this.textSession(ws, p, m[1]!, serviceId, url)
      return
    }
    const workspaceId = url.searchParams.get('workspace_id') ?? undefined
    const serviceId = url.searchParams.get('service_id')
    const p = this.authenticate(ws, sub ?? url.searchParams.get('token') ?? undefined, workspaceId)
    if (!p) return
    if (!workspaceId || !serviceId) {
      ws.close(WS_CLOSE.clientError, 'workspace_id and service_id are required')
      return
    }
    this.textSession(ws, p, workspaceId, serviceId, url)
  }

  private textSession(
    ws: WebSocket,
    p: Principal,
    workspaceId: string,
    serviceId: string,
    url: RequestTarget,
  ): void {
    if (this.core.store.services.get(serviceId)?.workspace_id !== workspaceId) {
      ws.close(WS_CLOSE.notFound, 'unknown service')
      return
    }
    if (p.kind === 'external_user' && p.serviceId !== serviceId) {
      ws.close(WS_CLOSE.auth, 'service mismatch')
      return
    }
    const conversationId = url.searchParams.get('conversation_id') ?? undefined
    if (conversationId !== undefined && !mayContinue(this.core, conversationId, workspaceId, p)) {
      ws.close(WS_CLOSE.notFound, 'unknown conversation')
      return
    }
    const toolEvents = url.searchParams.get('tool_events') === 'true'
    const session = { conversationId, turnCount: 0 }
    sendJsonFrame(ws, { type: 'session_start', workspace_id: workspaceId, service_id: serviceId })
    ws.on('message', (raw) => {
      for (const out of answerTextFrame(
        this.core,
        { workspaceId, serviceId, session, toolEvents },
        raw.toString(),
      )) {
        if (!sendJsonFrame(ws, out)) break
      }
    })
  }
}
