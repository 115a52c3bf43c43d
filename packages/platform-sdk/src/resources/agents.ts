import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { Agent, AgentVersion } from '../types'
import { APIResource } from './base'
import type { AutoPagingParams, OperationBody, OperationQuery, OperationResult } from './operation-types'

/** Query of `agents.list`. */
export type AgentListParams = OperationQuery<'list-agents'>
/** One page of agents. */
export type AgentPage = OperationResult<'list-agents'>
/** Body of `agents.create`. */
export type AgentCreateParams = OperationBody<'create-agent'>
/** Body of `agents.update`. */
export type AgentUpdateParams = OperationBody<'update-agent'>
/** Query of `agents.listVersions`. */
export type AgentVersionListParams = OperationQuery<'list-agent-versions'>
/** One page of agent versions. */
export type AgentVersionPage = OperationResult<'list-agent-versions'>
/** Body of `agents.createVersion`. */
export type AgentVersionCreateParams = OperationBody<'create-agent-version'>

/** Agents: the identities that answer calls and chats, and their versioned configuration. */
export class AgentsResource extends APIResource {
  /** Lists agents, one page. */
  list(params?: AgentListParams, options?: RequestOptions): Promise<WithResponseMetadata<AgentPage>> {
    return this._op('get', 'agents', { query: params }, options)
  }

  /** Iterates over every agent, fetching pages as needed. */
  listAutoPaging(
    params?: AutoPagingParams<AgentListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<Agent> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Fetches one agent. */
  get(agentId: string, options?: RequestOptions): Promise<WithResponseMetadata<Agent>> {
    return this._op('get', 'agents/{agent_id}', { path: [agentId] }, options)
  }

  /** Creates an agent. */
  create(body: AgentCreateParams, options?: RequestOptions): Promise<WithResponseMetadata<Agent>> {
    return this._op('post', 'agents', { body }, options)
  }

  /** Updates an agent. */
  update(
    agentId: string,
    body: AgentUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<Agent>> {
    return this._op('put', 'agents/{agent_id}', { path: [agentId], body }, options)
  }

  /** Deletes an agent. */
  async delete(agentId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'agents/{agent_id}', { path: [agentId] }, options)
  }

  /** Lists the versions of an agent, one page. */
  listVersions(
    agentId: string,
    params?: AgentVersionListParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<AgentVersionPage>> {
    return this._op('get', 'agents/{agent_id}/versions', { path: [agentId], query: params }, options)
  }

  /** Iterates over every version of an agent. */
  listVersionsAutoPaging(
    agentId: string,
    params?: AutoPagingParams<AgentVersionListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<AgentVersion> {
    return this._autoPage((query) => this.listVersions(agentId, query, options), params, 20)
  }

  /** Creates a new version (the versioned configuration) of an agent. */
  createVersion(
    agentId: string,
    body: AgentVersionCreateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<AgentVersion>> {
    return this._op('post', 'agents/{agent_id}/versions', { path: [agentId], body }, options)
  }

  /** Fetches one version of an agent; pass `'latest'` for the newest. */
  getVersion(
    agentId: string,
    version: number | 'latest' | (string & {}),
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<AgentVersion>> {
    return this._op('get', 'agents/{agent_id}/versions/{version}', { path: [agentId, version] }, options)
  }
}
