import { ConfigurationError } from '@amigo-ai/core'
import { agentWebSocketOrigin, checkSocketUrlOverride } from './agent-origin'
import { requirePathSegment } from './require-path-segment'
import { requireText } from './require-text'

/** Options for {@link sessionConnectUrl}. */
export interface SessionConnectUrlOptions {
  /** The workspace to act in. */
  workspaceId: string
  /** Service (agent deployment) to talk to. */
  serviceId: string
  /** The world entity the user is. */
  entityId: string
  /** Continue this conversation instead of starting one. */
  conversationId?: string
  /** `false` turns tool-call frames off (the server sends them by default). */
  toolEvents?: boolean
  /** API origin, whose root the socket lives at (default `https://api.platform.amigo.ai`). */
  baseUrl?: string
  /** Full `ws:`/`wss:` URL of the endpoint (a proxy's, say), without a query: the ids are added to it. */
  url?: string
}

/**
 * Builds `{ws|wss}://{API origin}/v1/{workspace_id}/sessions/connect?service_id=…&entity_id=…`. The
 * server takes the token only as a subprotocol pair (`sessionConnectAuthProtocols`), never in the
 * query, so none is added. A base with a path (a proxy prefix) is refused, as for the other sockets:
 * the socket would be looked for at the origin's root; pass `url` instead.
 */
export function sessionConnectUrl(options: SessionConnectUrlOptions): string {
  if (typeof options !== 'object' || options === null)
    throw new ConfigurationError('sessionConnectUrl options are required')
  const { workspaceId, conversationId } = options
  requireText(workspaceId, 'workspaceId')
  requireText(options.serviceId, 'serviceId')
  requireText(options.entityId, 'entityId')
  if (conversationId !== undefined) requireText(conversationId, 'conversationId')
  requirePathSegment(workspaceId, 'workspaceId')
  const base =
    options.url !== undefined
      ? checkSocketUrlOverride(options.url, 'url')
      : `${agentWebSocketOrigin({ baseUrl: options.baseUrl }, 'session-connect')}/v1/${encodeURIComponent(workspaceId)}/sessions/connect`
  const query = new URLSearchParams({ service_id: options.serviceId, entity_id: options.entityId })
  if (conversationId !== undefined) query.set('conversation_id', conversationId)
  if (options.toolEvents === false) query.set('tool_events', 'false')
  return `${base}?${query}`
}
