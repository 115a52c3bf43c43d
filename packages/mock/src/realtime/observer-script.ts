import type { WebSocket } from 'ws'
import type { MockCore } from '../http/types'
import { tokensOf } from '../simulation/script'
import { sendJsonFrame } from './ws-send'

/** Streams a scripted voice session for a call to an observer socket (frames follow `ObserverSSEEvent`). */
export function observerScript(core: MockCore, ws: WebSocket, call: Record<string, any>): void {
  const script = core.store.callScripts.get(call.call_sid) ?? {
    userLine: 'Hello, I would like to book an appointment.',
    agentLine: 'Of course. Which day works best for you?',
  }
  const frames: Array<Record<string, unknown>> = [
    {
      type: 'session_info',
      call_sid: call.call_sid,
      caller_id: call.caller_id,
      direction: call.direction,
      service_id: call.service_id,
      workspace_id: call.workspace_id,
      current_state: 'greeting',
      start_time: call.started_at,
    },
    {
      type: 'session_start',
      call_sid: call.call_sid,
      service_id: call.service_id,
      initial_state: 'greeting',
      mode: 'voice',
    },
    { type: 'user_transcript', transcript: script.userLine, speaker_role: 'caller', stt_confidence: 0.97 },
    {
      type: 'state_transition',
      previous_state: 'greeting',
      next_state: 'schedule',
      transition_type: 'navigate',
    },
    ...tokensOf(script.agentLine).map((delta) => ({ type: 'agent_transcript_delta', delta })),
    { type: 'agent_transcript', transcript: script.agentLine, speaker_role: 'agent' },
    {
      type: 'latency',
      audio_ttfb_ms: 420,
      continuation: false,
      e2e_ttfb_ms: 610,
      engine_ms: 180,
      nav_ms: 90,
      render_ms: 60,
    },
    {
      type: 'session_end',
      call_sid: call.call_sid,
      completion_reason: call.completion_reason ?? 'completed',
      duration_s: call.duration_seconds ?? 0,
      final_state: call.final_state ?? 'farewell',
      turns: call.turns ?? 2,
    },
  ]
  let i = 0
  const step = () => {
    if (i >= frames.length || !sendJsonFrame(ws, frames[i++])) return
    // Unref'd: a closed mock must not keep the process alive for the rest of the script.
    setTimeout(step, core.options.turnTokenDelayMs).unref()
  }
  step()
}
