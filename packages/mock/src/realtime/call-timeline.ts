import type { WebSocket } from 'ws'
import type { MockCore } from '../http/types'
import {
  INITIAL_STATE,
  type ObserverFrame,
  sessionEndFrame,
  sessionFrames,
  sessionInfoFrame,
} from './observer-frames'
import { WS_CLOSE } from './ws-auth'
import { sendJsonFrame } from './ws-send'

/**
 * The observation of one live call, shared by every observer socket of the call. The script plays
 * once, from when the first observer connects (so an observer opened right after `simulateCall`
 * sees the whole call), and a socket gets the frames sent while it is connected: an observer that
 * reconnects carries on where it was cut instead of getting the call again. After the script the
 * timeline waits for the call to end, sends `session_end` and closes every observer with 1000, the
 * close that tells a client the observation is over.
 */
export class CallTimeline {
  private readonly observers = new Set<WebSocket>()
  private readonly frames: ObserverFrame[]
  private next = 0
  private state = INITIAL_STATE
  private timer: ReturnType<typeof setTimeout> | undefined
  private unsubscribe: (() => void) | undefined

  constructor(
    private readonly core: MockCore,
    private readonly callSid: string,
    private readonly onEnd: () => void,
  ) {
    this.frames = sessionFrames(core, this.call())
  }

  /** Adds an observer: `session_info` with the call as it stands now, then every frame after. */
  join(ws: WebSocket): void {
    this.observers.add(ws)
    ws.on('close', () => this.observers.delete(ws))
    sendJsonFrame(ws, sessionInfoFrame(this.call(), this.state))
  }

  /** Starts playing the script. */
  start(): void {
    this.step()
  }

  /** Stops the script and stops waiting for the call's end (the mock is closing). */
  stop(): void {
    clearTimeout(this.timer)
    this.unsubscribe?.()
  }

  private readonly step = (): void => {
    const frame = this.frames[this.next++]
    if (!frame) {
      this.awaitEnd()
      return
    }
    if (frame.type === 'state_transition') this.state = String(frame.next_state)
    for (const ws of this.observers) sendJsonFrame(ws, frame)
    // Unref'd: a closed mock must not keep the process alive for the rest of the script.
    this.timer = setTimeout(this.step, this.core.options.turnTokenDelayMs).unref()
  }

  private awaitEnd(): void {
    if (hasEnded(this.call())) {
      this.end()
      return
    }
    this.unsubscribe = this.core.events.subscribe((event) => {
      if (event.type === 'call.ended' && event.data.call_sid === this.callSid) this.end()
    })
  }

  private end(): void {
    this.unsubscribe?.()
    this.onEnd()
    const frame = sessionEndFrame(this.call())
    for (const ws of this.observers) sendSessionEnd(ws, frame)
  }

  /** The call's row as stored now (its outcome is written when it ends). */
  private call(): Record<string, any> {
    return this.core.store.calls.get(this.callSid) ?? { call_sid: this.callSid }
  }
}

/** Sends `session_end` and closes with 1000: the observation is over, the client stops. */
export function sendSessionEnd(ws: WebSocket, frame: ObserverFrame): void {
  if (sendJsonFrame(ws, frame)) ws.close(WS_CLOSE.normal, 'session ended')
}

/** Statuses of a call that is over (`CallSummary.status`); a call in any other is still live. */
const ENDED_STATUSES = new Set(['completed', 'busy', 'no-answer', 'canceled', 'failed'])

/** True when the call is over, so there is nothing left to observe but its outcome. */
export function hasEnded(call: Record<string, any>): boolean {
  return ENDED_STATUSES.has(call.status)
}
