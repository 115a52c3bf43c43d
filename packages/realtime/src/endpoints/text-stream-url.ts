import { ConfigurationError } from '@amigo-ai/core'
import { type AgentOriginOptions, agentWebSocketOrigin, checkSocketUrlOverride } from './agent-origin'
import { assertQueryToken } from './auth-protocols'
import { requireText } from './require-text'

/** Options for {@link textStreamUrl}. */
export interface TextStreamUrlOptions extends AgentOriginOptions {
  /** Workspace of the service. */
  workspaceId: string
  /** Service (agent deployment) to talk to. */
  serviceId: string
  /** Continue this conversation instead of starting one. */
  conversationId?: string
  /** The world entity the user is. */
  entityId?: string
  /** Also stream `tool_call_started` / `tool_call_completed` frames. */
  toolEvents?: boolean
  /**
   * Query-string token, only for runtimes that cannot send subprotocols. It ends up in proxy logs
   * and browser history; prefer `textStreamAuthProtocols`.
   */
  token?: string
  /** Full `ws:`/`wss:` endpoint, replacing the derived `{agent origin}/agent/text-stream`. */
  url?: string
}

const OPTIONAL_IDS = [
  ['conversationId', 'conversation_id'],
  ['entityId', 'entity_id'],
] as const

/** Builds the real-time text conversation WebSocket URL (`/agent/text-stream` on the agent-engine origin). */
export function textStreamUrl(options: TextStreamUrlOptions): string {
  if (typeof options !== 'object' || options === null)
    throw new ConfigurationError('textStreamUrl options are required')
  requireText(options.workspaceId, 'workspaceId')
  requireText(options.serviceId, 'serviceId')
  const base =
    options.url !== undefined
      ? checkSocketUrlOverride(options.url, 'url')
      : `${agentWebSocketOrigin(options, 'text-stream')}/agent/text-stream`
  const query = new URLSearchParams({ workspace_id: options.workspaceId, service_id: options.serviceId })
  // Left out when unset (`null` too, as JSON leaves it out); anything else must be an id, which
  // URLSearchParams would otherwise write as text (`conversation_id=null`, a conversation so named).
  for (const [name, key] of OPTIONAL_IDS) {
    const value = options[name]
    if (value == null) continue
    requireText(value, name)
    query.set(key, value)
  }
  if (options.toolEvents) query.set('tool_events', 'true')
  if (options.token !== undefined) {
    assertQueryToken(options.token)
    query.set('token', options.token)
  }
  return `${base}?${query}`
}
