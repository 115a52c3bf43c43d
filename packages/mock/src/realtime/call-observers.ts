import type { WebSocket } from 'ws'
import type { MockCore } from '../http/types'
import { CallTimeline, hasEnded, sendSessionEnd } from './call-timeline'
import { sessionEndFrame } from './observer-frames'

/**
 * Observer sockets by call. A live call's observers share its timeline (see `CallTimeline`). A call
 * that has ended gets its `session_end` and a close with 1000 at once: the call is known (4004 is
 * for calls the platform does not know, and the SDK takes it as a terminal error), and 1000 is how
 * an observation ends, so a client connecting or reconnecting after the end learns the outcome
 * and stops, without the call being played again.
 */
export class CallObservers {
  private readonly live = new Map<string, CallTimeline>()

  constructor(private readonly core: MockCore) {}

  /** Sends `ws` the observation of `call` (a row of `store.calls` in the socket's workspace). */
  observe(ws: WebSocket, call: Record<string, any>): void {
    const sid: string = call.call_sid
    const timeline = this.live.get(sid)
    if (timeline) {
      timeline.join(ws)
      return
    }
    if (hasEnded(call)) {
      sendSessionEnd(ws, sessionEndFrame(call))
      return
    }
    const started = new CallTimeline(this.core, sid, () => this.live.delete(sid))
    this.live.set(sid, started)
    started.join(ws)
    started.start()
  }

  /** Stops every timeline (the mock is closing). */
  stop(): void {
    for (const timeline of this.live.values()) timeline.stop()
    this.live.clear()
  }
}
