import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationBody, OperationResult } from './operation-types'

/** Insight chat sessions. */
export class InsightsSessionsResource extends APIResource {
  /** Starts an insights chat session (`POST /insights/sessions`). */
  create(
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<OperationResult<'create_session_v1__workspace_id__insights_sessions_post'>>
  > {
    return this._op('post', 'insights/sessions', {}, options)
  }

  /** Fetches an insights chat session (`GET /insights/sessions/{session_id}`). */
  get(
    sessionId: string,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<OperationResult<'get_session_v1__workspace_id__insights_sessions__session_id__get'>>
  > {
    return this._op('get', 'insights/sessions/{session_id}', { path: [sessionId] }, options)
  }

  /** Sends a message in an insights chat session (`POST /insights/sessions/{session_id}/chat`). */
  chat(
    sessionId: string,
    body: OperationBody<'chat_v1__workspace_id__insights_sessions__session_id__chat_post'>,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<OperationResult<'chat_v1__workspace_id__insights_sessions__session_id__chat_post'>>
  > {
    return this._op('post', 'insights/sessions/{session_id}/chat', { path: [sessionId], body }, options)
  }
}

/** Insights: digests, suggestions, SQL over workspace data and chat sessions. */
export class InsightsResource extends APIResource {
  /** Insight chat sessions. */
  get sessions(): InsightsSessionsResource {
    return this._sub(InsightsSessionsResource)
  }

  /** Digest of notable changes in the workspace (`GET /insights/digest`). */
  getDigest(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get_digest_v1__workspace_id__insights_digest_get'>>> {
    return this._op('get', 'insights/digest', {}, options)
  }

  /** Schema of the tables available to SQL insights (`GET /insights/schema`). */
  getSchema(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'describe_schema_v1__workspace_id__insights_schema_get'>>> {
    return this._op('get', 'insights/schema', {}, options)
  }

  /** Suggested questions to ask (`GET /insights/suggestions`). */
  getSuggestions(
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<OperationResult<'get_suggestions_v1__workspace_id__insights_suggestions_get'>>
  > {
    return this._op('get', 'insights/suggestions', {}, options)
  }

  /** Runs a read-only SQL query over workspace data (`POST /insights/sql`). */
  runSql(
    body: OperationBody<'execute_sql_v1__workspace_id__insights_sql_post'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'execute_sql_v1__workspace_id__insights_sql_post'>>> {
    return this._op('post', 'insights/sql', { body }, options)
  }
}
