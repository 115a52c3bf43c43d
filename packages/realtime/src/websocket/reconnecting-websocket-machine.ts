import { isConfigurationError } from '@amigo-ai/core'
import { callUserCallback } from '../callbacks/call-user-callback'
import { wasStable } from '../reconnect/stable-connection'
import type {
  ReconnectingWebSocketOptions,
  ReconnectingWebSocketState,
} from './create-reconnecting-websocket'
import { type AfterEnd, afterConnectionEnd, type BackoffSettings, planReconnect } from './reconnect-policy'
import {
  ReconnectingWebSocketError,
  type ReconnectingWebSocketErrorInit,
} from './reconnecting-websocket-error'
import { resolveWebSocketFactory } from './resolve-websocket'
import { type Connection, type ConnectionEnd, openConnection } from './run-connection'
import { scrubSocketError } from './scrub-socket-error'
import { WEBSOCKET_OPEN, type WebSocketFactory } from './websocket-types'

/** Options with every default filled in. */
export type MachineOptions = ReconnectingWebSocketOptions &
  BackoffSettings & { idleTimeoutMs: number; openTimeoutMs: number }

/** Where the next socket goes. */
interface Target {
  url: string
  protocols: string | string[] | undefined
  factory: WebSocketFactory
}

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  typeof (v as PromiseLike<unknown> | null)?.then === 'function'

const PREPARE_FAILED = 'Could not build the WebSocket URL or subprotocols, or load a WebSocket implementation'

type Failure = Omit<ReconnectingWebSocketErrorInit, 'attempts'> & { message: string }

/**
 * The managed WebSocket as an explicit state machine. States: `connecting` (preparing the target,
 * then the handshake), `open`, `reconnecting` (waiting out a backoff or a token refresh), `closing`
 * (the caller's close, momentary), and the final `closed` and `terminal`. Every transition goes
 * through `enter`, every user callback through `callUserCallback`, and every timer or socket belongs
 * to exactly one state, so leaving a state releases it.
 */
export class ReconnectingWebSocketMachine {
  state: ReconnectingWebSocketState = 'connecting'
  readonly done: Promise<void>
  private connection: Connection | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  /** Failed connections in a row (reset by a stable connection). */
  private failures = 0
  /** Connections made so far (the `attempt` passed to `onOpen`). */
  private connections = 0
  private openedAt: number | undefined
  /** Bumped by every connect, so a slow async preparation for an abandoned attempt is dropped. */
  private connectSeq = 0
  private resolveDone!: () => void
  private readonly onAbort = () => this.close(1000, 'client aborted')

  constructor(private readonly o: MachineOptions) {
    this.done = new Promise<void>((resolve) => {
      this.resolveDone = resolve
    })
  }

  start(): void {
    if (this.o.signal?.aborted) this.close(1000, 'client aborted')
    else {
      this.o.signal?.addEventListener('abort', this.onAbort, { once: true })
      this.connect()
    }
  }

  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    const socket = this.connection?.socket
    if (this.state !== 'open' || !socket || socket.readyState !== WEBSOCKET_OPEN)
      throw new ReconnectingWebSocketError(`Cannot send: the WebSocket is ${this.state}`, {
        reason: 'not_open',
        attempts: this.failures,
      })
    socket.send(data)
  }

  /**
   * Gives the open connection another silence limit (0: none), counting from now: past it the socket
   * is replaced as by the idle watchdog. Later connections start with `idleTimeoutMs` again.
   */
  watchSilence(ms: number): void {
    this.connection?.watchSilence(ms)
  }

  close(code = 1000, reason = 'client closed'): void {
    if (this.isOver() || this.state === 'closing') return
    this.enter('closing')
    this.connection?.stop(code, reason)
    this.finish('closed')
  }

  // ---- connecting -------------------------------------------------------------------------------

  private connect(): void {
    this.enter('connecting')
    const seq = ++this.connectSeq
    const current = () => seq === this.connectSeq && this.state === 'connecting'
    let target: Target | Promise<Target>
    try {
      target = this.prepare()
    } catch (error) {
      this.failOpen(current, { message: PREPARE_FAILED, cause: error })
      return
    }
    if (!isThenable(target)) {
      // onStateChange('connecting') or a getter may have closed the socket meanwhile.
      if (current()) this.openSocket(target, current)
      return
    }
    this.limitPreparation(current)
    target.then(
      (ready) => {
        if (!current()) return
        clearTimeout(this.timer)
        this.openSocket(ready, current)
      },
      (error: unknown) =>
        // Our own loader's message says what to do (install ws, or pass WebSocket); a caller's
        // getter's message is left in `cause` only, since it may quote anything.
        this.failOpen(current, {
          message: isConfigurationError(error) ? `${PREPARE_FAILED}: ${error.message}` : PREPARE_FAILED,
          cause: error,
        }),
    )
  }

  /**
   * A URL or token getter that never settles would leave the socket connecting for ever: past
   * `openTimeoutMs` the attempt is abandoned (a late answer is dropped) and retried as a silent one.
   */
  private limitPreparation(current: () => boolean): void {
    if (this.o.openTimeoutMs <= 0) return
    this.timer = setTimeout(() => {
      if (current()) this.reconnect({ kind: 'retry', reason: 'idle_watchdog', rateLimited: false })
    }, this.o.openTimeoutMs)
  }

  /** The URL, protocols and socket factory of the next connection; a promise only when one must be awaited. */
  private prepare(): Target | Promise<Target> {
    const { o } = this
    const url = typeof o.url === 'function' ? o.url() : o.url
    const protocols = o.getProtocols ? o.getProtocols() : o.protocols
    const factory = resolveWebSocketFactory(o.webSocketFactory, o.WebSocket)
    if (!isThenable(url) && !isThenable(protocols) && !isThenable(factory)) return { url, protocols, factory }
    return Promise.all([url, protocols, factory]).then(([u, p, f]) => ({ url: u, protocols: p, factory: f }))
  }

  /**
   * Ends with `open_failed`, a microtask later: on the first connect this runs inside
   * createReconnectingWebSocket, whose caller cannot have the handle yet. A close in between wins.
   */
  private failOpen(current: () => boolean, failure: { message: string; cause: unknown }): void {
    queueMicrotask(() => {
      if (current()) this.fail({ reason: 'open_failed', ...failure })
    })
  }

  private openSocket({ url, protocols, factory }: Target, current: () => boolean): void {
    try {
      this.connection = openConnection(factory, url, protocols, {
        idleTimeoutMs: this.o.idleTimeoutMs,
        openTimeoutMs: this.o.openTimeoutMs,
        onOpen: (protocol) => this.opened(protocol),
        onMessage: (event) => callUserCallback('onMessage', this.o.onMessage, event),
        onEnd: (end) => this.ended(end),
      })
    } catch (error) {
      this.failOpen(current, {
        message: 'The WebSocket could not be created',
        cause: scrubSocketError(error, url, protocols),
      })
    }
  }

  // ---- open -------------------------------------------------------------------------------------

  private opened(protocol: string): void {
    this.openedAt = Date.now()
    this.enter('open')
    if (this.state !== 'open') return
    callUserCallback('onOpen', this.o.onOpen, { attempt: this.connections, protocol })
  }

  private ended(end: ConnectionEnd): void {
    this.connection = undefined
    this.connections++
    if (wasStable(this.openedAt)) this.failures = 0
    this.openedAt = undefined
    const next = afterConnectionEnd(
      end,
      this.o.onTokenExpired !== undefined || this.o.getProtocols !== undefined,
    )
    if (next.kind === 'finish') this.finish('closed')
    else if (next.kind === 'fail') this.fail(next)
    else if (next.kind === 'refresh') this.refresh(next)
    else this.reconnect(next)
  }

  // ---- reconnecting -----------------------------------------------------------------------------

  /** 4100: run the caller's refresh, then reconnect (its failure is terminal). */
  private refresh(step: Extract<AfterEnd, { kind: 'refresh' }>): void {
    this.enter('reconnecting')
    if (this.state !== 'reconnecting') return // closed from onStateChange
    const close = { closeCode: step.closeCode, closeReason: step.closeReason }
    new Promise<unknown>((resolve) => resolve(this.o.onTokenExpired?.())).then(
      () => {
        if (this.state === 'reconnecting')
          this.reconnect({ kind: 'retry', reason: 'token_refreshed', rateLimited: false, ...close })
      },
      (error: unknown) => {
        if (this.state === 'reconnecting')
          this.fail({
            reason: 'token_expired',
            message: 'Refreshing the token failed',
            cause: error,
            ...close,
          })
      },
    )
  }

  private reconnect(step: Extract<AfterEnd, { kind: 'retry' }>): void {
    this.failures++
    const plan = planReconnect(this.failures, step, this.o)
    const close = { closeCode: step.closeCode, closeReason: step.closeReason }
    if (plan.kind === 'give_up') {
      this.fail({ reason: plan.reason, message: plan.message, ...close })
      return
    }
    this.enter('reconnecting')
    if (this.state !== 'reconnecting') return
    callUserCallback('onReconnect', this.o.onReconnect, {
      attempt: this.failures,
      delayMs: plan.delayMs,
      closeCode: step.closeCode,
      reason: step.reason,
    })
    // onReconnect may have closed the socket; only a machine still waiting gets the timer.
    if (this.state === 'reconnecting') this.timer = setTimeout(() => this.connect(), plan.delayMs)
  }

  // ---- closed / terminal ------------------------------------------------------------------------

  private fail(failure: Failure): void {
    if (this.isOver()) return
    const { message, ...init } = failure
    this.enter('terminal')
    callUserCallback(
      'onError',
      this.o.onError,
      new ReconnectingWebSocketError(message, { ...init, attempts: this.failures }),
    )
    this.finish('terminal')
  }

  private finish(state: 'closed' | 'terminal'): void {
    this.enter(state)
    this.o.signal?.removeEventListener('abort', this.onAbort)
    this.resolveDone()
  }

  private isOver(): boolean {
    return this.state === 'closed' || this.state === 'terminal'
  }

  /** Moves to `next`, releasing what the state being left owned, and tells `onStateChange`. */
  private enter(next: ReconnectingWebSocketState): void {
    if (this.state === next) return
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
    if (next !== 'open' && next !== 'connecting') this.connectSeq++
    this.state = next
    callUserCallback('onStateChange', this.o.onStateChange, next)
  }
}
