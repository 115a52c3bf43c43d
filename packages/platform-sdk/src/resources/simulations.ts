import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationBody, OperationQuery, OperationResult } from './operation-types'

/** A simulated session as created. */
export type SimulationSession = OperationResult<'create-test-conversation'>

/** Simulation runs. */
export class SimulationsRunsResource extends APIResource {
  /** Lists simulation runs (`GET /simulations/runs`). */
  list(
    params?: OperationQuery<'list-simulation-runs'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-simulation-runs'>>> {
    return this._op('get', 'simulations/runs', { query: params }, options)
  }

  /** Creates a simulation run (`POST /simulations/runs`). */
  create(
    body: OperationBody<'create-simulation-run'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-simulation-run'>>> {
    return this._op('post', 'simulations/runs', { body }, options)
  }

  /** Fetches one simulation run (`GET /simulations/runs/{run_id}`). */
  get(
    runId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-simulation-run'>>> {
    return this._op('get', 'simulations/runs/{run_id}', { path: [runId] }, options)
  }

  /** Marks a simulation run as finished (`POST /simulations/runs/{run_id}/complete`); `params` goes beyond the official SDK, which sends no query here. */
  complete(
    runId: string,
    params?: OperationQuery<'complete-simulation-run'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'complete-simulation-run'>>> {
    return this._op('post', 'simulations/runs/{run_id}/complete', { path: [runId], query: params }, options)
  }

  /** Starts a simulated session inside a run (`POST /simulations/runs/{run_id}/sessions`). */
  createSession(
    runId: string,
    body: OperationBody<'create-simulation-session'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-simulation-session'>>> {
    return this._op('post', 'simulations/runs/{run_id}/sessions', { path: [runId], body }, options)
  }
}

/** Bridging real calls into simulations. */
export class SimulationsBridgeResource extends APIResource {
  /** Plans how a real call would be bridged into a simulation (`POST /simulations/bridge/plan`). */
  plan(
    body: OperationBody<'simulation-bridge-plan'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'simulation-bridge-plan'>>> {
    return this._op('post', 'simulations/bridge/plan', { body }, options)
  }

  /** Bridges a real call into a simulation (`POST /simulations/bridge`). */
  run(
    body: OperationBody<'simulation-bridge'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'simulation-bridge'>>> {
    return this._op('post', 'simulations/bridge', { body }, options)
  }
}

/** Coverage graphs and sessions per service. */
export class SimulationsServicesResource extends APIResource {
  /** Coverage graph of a service's simulations (`GET /simulations/services/{service_id}/graph`); `params` goes beyond the official SDK, which sends no query here. */
  getGraph(
    serviceId: string,
    params?: OperationQuery<'get-simulation-coverage-graph'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-simulation-coverage-graph'>>> {
    return this._op(
      'get',
      'simulations/services/{service_id}/graph',
      { path: [serviceId], query: params },
      options,
    )
  }

  /** Clears a service's coverage graph (`DELETE /simulations/services/{service_id}/graph`). */
  deleteGraph(
    serviceId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'delete-simulation-coverage-graph'>>> {
    return this._op('delete', 'simulations/services/{service_id}/graph', { path: [serviceId] }, options)
  }

  /** Paths through a service's coverage graph (`GET /simulations/services/{service_id}/graph/paths`); `params` goes beyond the official SDK, which sends no query here. */
  getGraphPaths(
    serviceId: string,
    params?: OperationQuery<'get-simulation-coverage-paths'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-simulation-coverage-paths'>>> {
    return this._op(
      'get',
      'simulations/services/{service_id}/graph/paths',
      { path: [serviceId], query: params },
      options,
    )
  }

  /** Simulated sessions of a service (`GET /simulations/services/{service_id}/sessions`); `params` goes beyond the official SDK, which sends no query here. */
  listSessions(
    serviceId: string,
    params?: OperationQuery<'list-simulation-sessions'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-simulation-sessions'>>> {
    return this._op(
      'get',
      'simulations/services/{service_id}/sessions',
      { path: [serviceId], query: params },
      options,
    )
  }

  /** Simulated turns of a service, filtered by state (`GET /simulations/services/{service_id}/turns`); `params` goes beyond the official SDK, which sends no query here. */
  listTurns(
    serviceId: string,
    params?: OperationQuery<'query-simulation-turns'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'query-simulation-turns'>>> {
    return this._op(
      'get',
      'simulations/services/{service_id}/turns',
      { path: [serviceId], query: params },
      options,
    )
  }
}

/** Simulations: test conversations, runs, bridge plans and coverage graphs. */
export class SimulationsResource extends APIResource {
  /** Simulation runs. */
  get runs(): SimulationsRunsResource {
    return this._sub(SimulationsRunsResource)
  }

  /** Bridging real calls into simulations. */
  get bridge(): SimulationsBridgeResource {
    return this._sub(SimulationsBridgeResource)
  }

  /** Coverage graphs and sessions per service. */
  get services(): SimulationsServicesResource {
    return this._sub(SimulationsServicesResource)
  }

  /** Starts a simulated test conversation (`POST /simulations/sessions`). */
  createSession(
    body: OperationBody<'create-test-conversation'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<SimulationSession>> {
    return this._op('post', 'simulations/sessions', { body }, options)
  }

  /** Snapshot of a simulated session (`GET /simulations/sessions/{session_id}`). */
  getSession(
    sessionId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'simulation-observe'>>> {
    return this._op('get', 'simulations/sessions/{session_id}', { path: [sessionId] }, options)
  }

  /** Ends a simulated session (`DELETE /simulations/sessions/{session_id}`). */
  deleteSession(
    sessionId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'simulation-destroy'>>> {
    return this._op('delete', 'simulations/sessions/{session_id}', { path: [sessionId] }, options)
  }

  /** Advances a simulated conversation by one turn (`POST /simulations/sessions/step`). */
  step(
    body: OperationBody<'test-conversation-step'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'test-conversation-step'>>> {
    return this._op('post', 'simulations/sessions/step', { body }, options)
  }

  /** Recommends the next user turn for a simulation (`POST /simulations/sessions/recommend`). */
  recommend(
    body: OperationBody<'simulation-recommend'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'simulation-recommend'>>> {
    return this._op('post', 'simulations/sessions/recommend', { body }, options)
  }

  /** Intelligence gathered in a simulated session (`GET /simulations/sessions/{session_id}/intelligence`). */
  getIntelligence(
    sessionId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'simulation-intelligence'>>> {
    return this._op('get', 'simulations/sessions/{session_id}/intelligence', { path: [sessionId] }, options)
  }
}
