import type { SessionConnectUrlOptions } from '@amigo-ai/realtime/urls'

/**
 * Parameters of `conversations.sessionConnectUrl`: those of realtime's `sessionConnectUrl` but the
 * workspace and the API origin, which come from the client.
 */
export type SessionConnectUrlParams = Omit<SessionConnectUrlOptions, 'workspaceId' | 'baseUrl'>
