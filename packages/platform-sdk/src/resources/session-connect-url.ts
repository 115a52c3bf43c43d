import { ConfigurationError } from '@amigo-ai/core'

/** Parameters of `conversations.sessionConnectUrl` (workspace and origin come from the client). */
export interface SessionConnectUrlParams {
  /** Service (agent deployment) to talk to. */
  serviceId: string
  /** The world entity the user is. */
  entityId: string
  /** Continue this conversation instead of starting one. */
  conversationId?: string
  /** `false` turns tool-call frames off (the server sends them by default). */
  toolEvents?: boolean
}

const required = (value: unknown, name: string) => {
  if (typeof value !== 'string' || value === '')
    throw new ConfigurationError(`sessionConnectUrl: ${name} is required (a non-empty string)`)
}

/**
 * Builds the `ws(s)://{API origin}/v1/{workspace_id}/sessions/connect` URL. The server accepts the
 * token only as a WebSocket subprotocol pair (`['auth', token]`), never in the query, so none is added.
 * `workspaceId` is the context's, which every way of building one has checked as a path segment.
 */
export function sessionConnectUrl(
  baseUrl: string,
  workspaceId: string,
  params: SessionConnectUrlParams,
): string {
  if (typeof params !== 'object' || params === null)
    throw new ConfigurationError('sessionConnectUrl: params with serviceId and entityId are required')
  required(params.serviceId, 'serviceId')
  required(params.entityId, 'entityId')
  if (params.conversationId !== undefined) required(params.conversationId, 'conversationId')
  let origin: URL | undefined
  try {
    origin = new URL(baseUrl)
  } catch {
    // A relative base (a proxy path): refused below.
  }
  if (origin?.protocol !== 'http:' && origin?.protocol !== 'https:')
    throw new ConfigurationError(
      'sessionConnectUrl needs an absolute http(s) baseUrl, not a relative or non-HTTP one',
    )
  const scheme = origin.protocol === 'http:' ? 'ws:' : 'wss:'
  const query = new URLSearchParams({ service_id: params.serviceId, entity_id: params.entityId })
  if (params.conversationId !== undefined) query.set('conversation_id', params.conversationId)
  if (params.toolEvents === false) query.set('tool_events', 'false')
  return `${scheme}//${origin.host}/v1/${encodeURIComponent(workspaceId)}/sessions/connect?${query}`
}
