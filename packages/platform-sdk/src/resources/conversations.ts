import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { TurnStreamEvent } from '@amigo-ai/realtime'
import { sessionConnectUrl, type TextStreamUrlOptions, textStreamUrl } from '@amigo-ai/realtime/urls'
import { loadRealtime } from '../realtime/load-realtime'
import type { Conversation, ConversationSummary } from '../types'
import { APIResource } from './base'
import type { AutoPagingParams, OperationBody, OperationQuery, OperationResult } from './operation-types'
import type { SessionConnectUrlParams } from './session-connect-url'

/** Query of `conversations.list`. */
export type ConversationListParams = OperationQuery<'list_conversations_v1__workspace_id__conversations_get'>
/** One page of conversations. */
export type ConversationPage = OperationResult<'list_conversations_v1__workspace_id__conversations_get'>
/** Body of `conversations.create`. */
export type ConversationCreateParams =
  OperationBody<'create_conversation_v1__workspace_id__conversations_post'>
/** Body of `conversations.createTurn` and `conversations.streamTurn`. */
export type TurnCreateParams =
  OperationBody<'create_turn_v1__workspace_id__conversations__conversation_id__turns_post'>
/** Result of `conversations.createTurn`. */
export type TurnResult =
  OperationResult<'create_turn_v1__workspace_id__conversations__conversation_id__turns_post'>
/** Body of `conversations.sendMessage`. */
export type SendMessageParams = OperationBody<'send_message_v1__workspace_id__conversations_messages_post'>
/** Result of `conversations.sendMessage`. */
export type SendMessageResult = OperationResult<'send_message_v1__workspace_id__conversations_messages_post'>

/** Per-call options of a turn: request options plus whether to include tool calls. */
export interface TurnOptions extends RequestOptions {
  /** Ask the server to include tool-call details (not allowed for external-user tokens). */
  includeToolCalls?: boolean
}

/**
 * Parameters of `conversations.textStreamUrl`: those of realtime's `textStreamUrl`, with the
 * workspace and origins taken from the client.
 */
export interface TextStreamUrlParams
  extends Pick<TextStreamUrlOptions, 'serviceId' | 'conversationId' | 'entityId' | 'toolEvents' | 'token'> {
  /** Full `ws:`/`wss:` endpoint instead of the derived one (preview environments); no query or fragment. */
  textStreamUrl?: string
}

function splitTurnOptions(options: TurnOptions | null | undefined): {
  query: { include_tool_calls?: boolean } | undefined
  rest: RequestOptions
} {
  // `null` means no options, as for every other method (see APIResource._op).
  const { includeToolCalls, ...rest } = options ?? {}
  return {
    query: includeToolCalls === undefined ? undefined : { include_tool_calls: includeToolCalls },
    rest,
  }
}

/** Text conversations: create, read and close conversations, and send turns (blocking or streamed). */
export class ConversationsResource extends APIResource {
  /** Starts a conversation with a service. */
  create(
    body: ConversationCreateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<Conversation>> {
    return this._op('post', 'conversations', { body }, options)
  }

  /** Lists conversations, one page. */
  list(
    params?: ConversationListParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ConversationPage>> {
    return this._op('get', 'conversations', { query: params }, options)
  }

  /** Iterates over every matching conversation. */
  listAutoPaging(
    params?: AutoPagingParams<ConversationListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<ConversationSummary> {
    return this._autoPage((query) => this.list(query, options), params, 100, 'items', true)
  }

  /** Fetches one conversation. */
  get(conversationId: string, options?: RequestOptions): Promise<WithResponseMetadata<Conversation>> {
    return this._op('get', 'conversations/{conversation_id}', { path: [conversationId] }, options)
  }

  /** Closes a conversation. */
  async close(conversationId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'conversations/{conversation_id}', { path: [conversationId] }, options)
  }

  /** Sends one user turn and waits for the whole reply (always asks for JSON, never a stream). */
  createTurn(
    conversationId: string,
    body: TurnCreateParams,
    options?: TurnOptions,
  ): Promise<WithResponseMetadata<TurnResult>> {
    const { query, rest } = splitTurnOptions(options)
    return this._op(
      'post',
      'conversations/{conversation_id}/turns',
      { path: [conversationId], query, body, transport: { accept: 'application/json' } },
      rest,
    )
  }

  /**
   * Sends one user turn and yields the reply as it is produced (`token`, `thinking`, tool calls,
   * `message`, then `done` or `error`). The request starts on the first iteration; breaking out of
   * the loop (or aborting `signal`) closes the stream.
   */
  async *streamTurn(
    conversationId: string,
    body: TurnCreateParams,
    options?: TurnOptions,
  ): AsyncGenerator<TurnStreamEvent, void, undefined> {
    const { readTurnStreamEvents } = await loadRealtime(this._ctx.connection)
    const stream = await this.createTurnStream(conversationId, body, options)
    // Frames are parsed by realtime's turn-stream reader (the project's one SSE parser underneath).
    yield* readTurnStreamEvents(stream, { signal: options?.signal ?? undefined })
  }

  /**
   * Sends one user turn and returns the raw `text/event-stream` body of the reply (for callers that
   * parse or forward the frames themselves; `streamTurn` yields typed events instead).
   */
  createTurnStream(
    conversationId: string,
    body: TurnCreateParams,
    options?: TurnOptions,
  ): Promise<WithResponseMetadata<ReadableStream<Uint8Array>>> {
    const { query, rest } = splitTurnOptions(options)
    return this._op(
      'post',
      'conversations/{conversation_id}/turns/stream',
      {
        path: [conversationId],
        query,
        body,
        transport: { accept: 'text/event-stream', parseAs: 'stream' },
      },
      rest,
    ) as unknown as Promise<WithResponseMetadata<ReadableStream<Uint8Array>>>
  }

  /** Sends a user message and waits for the reply; omit `conversation_id` to start a new conversation. */
  sendMessage(
    body: SendMessageParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<SendMessageResult>> {
    return this._op('post', 'conversations/messages', { body }, options)
  }

  /** Builds the `ws(s)://` URL of the real-time text stream for a service (no request is made). */
  textStreamUrl(params: TextStreamUrlParams): string {
    const { connection } = this._ctx
    const { textStreamUrl: url, ...rest } = params ?? ({} as TextStreamUrlParams)
    const { workspaceId, baseUrl, agentBaseUrl } = connection
    // An undefined `url` or `agentBaseUrl` counts as not given; realtime's name `url` is taken too.
    return textStreamUrl({
      ...rest,
      url: url ?? (rest as { url?: string }).url,
      workspaceId,
      baseUrl,
      agentBaseUrl,
    })
  }

  /**
   * Builds the `ws(s)://` URL of the session-connect WebSocket (`/v1/{workspace_id}/sessions/connect`
   * on the API origin); no request is made. Authenticate with the subprotocol pair `['auth', token]`.
   */
  sessionConnectUrl(params: SessionConnectUrlParams): string {
    const { workspaceId, baseUrl } = this._ctx.connection
    return sessionConnectUrl({ ...params, workspaceId, baseUrl })
  }
}
