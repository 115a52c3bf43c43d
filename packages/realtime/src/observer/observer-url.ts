import { ConfigurationError } from '@amigo-ai/core'
import {
  type AgentOriginOptions,
  agentWebSocketOrigin,
  checkSocketUrlOverride,
} from '../endpoints/agent-origin'
import { requirePathSegment } from '../endpoints/require-path-segment'
import { requireText } from '../endpoints/require-text'

const CALL_SID = /^CA[A-Za-z0-9]{32}$/

/** Options for {@link observerUrl}. */
export interface ObserverUrlOptions extends AgentOriginOptions {
  /** The workspace the call belongs to. */
  workspaceId: string
  /** Twilio call SID: `CA` followed by 32 letters or digits. */
  callSid: string
  /** Full `ws:`/`wss:` observer URL; skips the SID format check. */
  url?: string
}

/** Builds `{ws|wss}://{agent origin}/v1/{workspace_id}/observers/{call_sid}/ws`. */
export function observerUrl(options: ObserverUrlOptions): string {
  if (typeof options !== 'object' || options === null)
    throw new ConfigurationError('observerUrl options are required')
  if (options.url !== undefined) return checkSocketUrlOverride(options.url, 'url')
  requireText(options.workspaceId, 'workspaceId')
  requirePathSegment(options.workspaceId, 'workspaceId')
  if (typeof options.callSid !== 'string' || !CALL_SID.test(options.callSid))
    throw new ConfigurationError(
      'callSid does not match the Twilio CA SID format ("CA" followed by 32 letters or digits)',
    )
  const origin = agentWebSocketOrigin(options, 'observer')
  return `${origin}/v1/${encodeURIComponent(options.workspaceId)}/observers/${options.callSid}/ws`
}
