import type { MockCore } from '../http/types'
import { tokensOf } from '../simulation/script'

/** One observer frame (follows `ObserverSSEEvent`). */
export type ObserverFrame = Record<string, unknown>

/** The call's state when the session starts, before the script's `state_transition`. */
export const INITIAL_STATE = 'greeting'

/** `session_info`: what an observer is told on connecting, the call as it stands (`currentState`). */
export function sessionInfoFrame(call: Record<string, any>, currentState: string): ObserverFrame {
  return {
    type: 'session_info',
    call_sid: call.call_sid,
    caller_id: call.caller_id,
    direction: call.direction,
    service_id: call.service_id,
    workspace_id: call.workspace_id,
    current_state: currentState,
    start_time: call.started_at,
  }
}

/**
 * The scripted voice session of a call between `session_info` and `session_end`: the session
 * starting, the caller's line, a state change, the agent's reply token by token, and its latency.
 */
export function sessionFrames(core: MockCore, call: Record<string, any>): ObserverFrame[] {
  const script = core.store.callScripts.get(call.call_sid) ?? {
    userLine: 'Hello, I would like to book an appointment.',
    agentLine: 'Of course. Which day works best for you?',
  }
  return [
    {
      type: 'session_start',
      call_sid: call.call_sid,
      service_id: call.service_id,
      initial_state: INITIAL_STATE,
      mode: 'voice',
    },
    { type: 'user_transcript', transcript: script.userLine, speaker_role: 'caller', stt_confidence: 0.97 },
    {
      type: 'state_transition',
      previous_state: INITIAL_STATE,
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
  ]
}

/** `session_end`: the call's outcome as stored once it has ended. */
export function sessionEndFrame(call: Record<string, any>): ObserverFrame {
  return {
    type: 'session_end',
    call_sid: call.call_sid,
    completion_reason: call.completion_reason ?? 'completed',
    duration_s: call.duration_seconds ?? 0,
    final_state: call.final_state ?? 'farewell',
    turns: call.turns ?? 2,
  }
}
