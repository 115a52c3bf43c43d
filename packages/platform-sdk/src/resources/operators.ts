import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { Operator } from '../types'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'

/** Query of `operators.list`. */
export type OperatorListParams = OperationQuery<'list-operators'>
/** One page of operators. */
export type OperatorPage = OperationResult<'list-operators'>
/** Result of `operators.getDashboard`. */
export type OperatorDashboard = OperationResult<'operator-dashboard'>
/** Result of `operators.getQueue`. */
export type OperatorQueue = OperationResult<'get-operator-queue'>
/** Query of `operators.getActiveEscalations`. */
export type ActiveEscalationListParams = OperationQuery<'list-active-escalations'>
/** One page of active escalations. */
export type ActiveEscalationPage = OperationResult<'list-active-escalations'>
/** One active escalation. */
export type ActiveEscalation = PageItem<ActiveEscalationPage>
/** Body of `operators.joinCall`. */
export type OperatorJoinCallParams = OperationBody<'operator-join-call'>
/** Result of `operators.joinCall`. */
export type OperatorJoinCallResult = OperationResult<'operator-join-call'>
/** Body of `operators.leaveCall`. */
export type OperatorLeaveCallParams = OperationBody<'operator-leave-call'>
/** Result of `operators.leaveCall`. */
export type OperatorLeaveCallResult = OperationResult<'operator-leave-call'>
/** Body of `operators.sendGuidance`. */
export type OperatorGuidanceParams = OperationBody<'operator-send-guidance'>
/** Result of `operators.sendGuidance`. */
export type OperatorGuidanceResult = OperationResult<'operator-send-guidance'>
/** Body of `operators.wrapUp`. */
export type OperatorWrapUpParams = OperationBody<'operator-wrap-up'>
/** Result of `operators.wrapUp`. */
export type OperatorWrapUpResult = OperationResult<'operator-wrap-up'>

/** Operators: the humans who watch, join and guide live calls. */
export class OperatorsResource extends APIResource {
  /** Lists operators, one page. */
  list(params?: OperatorListParams, options?: RequestOptions): Promise<WithResponseMetadata<OperatorPage>> {
    return this._op('get', 'operators', { query: params }, options)
  }

  /** Iterates over every operator. */
  listAutoPaging(
    params?: AutoPagingParams<OperatorListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<Operator> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Operator dashboard (who is on, what is waiting). */
  getDashboard(options?: RequestOptions): Promise<WithResponseMetadata<OperatorDashboard>> {
    return this._op('get', 'operators/dashboard', {}, options)
  }

  /** The prioritised queue of calls waiting for an operator. */
  getQueue(options?: RequestOptions): Promise<WithResponseMetadata<OperatorQueue>> {
    return this._op('get', 'operators/queue', {}, options)
  }

  /** Escalations that are still open, one page. */
  getActiveEscalations(
    params?: ActiveEscalationListParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ActiveEscalationPage>> {
    return this._op('get', 'operators/escalations/active', { query: params }, options)
  }

  /** Iterates over every open escalation. */
  getActiveEscalationsAutoPaging(
    params?: AutoPagingParams<ActiveEscalationListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<ActiveEscalation> {
    return this._autoPage((query) => this.getActiveEscalations(query, options), params, 20)
  }

  /** Puts an operator on a live call. */
  joinCall(
    operatorId: string,
    body: OperatorJoinCallParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperatorJoinCallResult>> {
    return this._op('post', 'operators/{operator_id}/join-call', { path: [operatorId], body }, options)
  }

  /** Takes an operator off a call. */
  leaveCall(
    operatorId: string,
    body: OperatorLeaveCallParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperatorLeaveCallResult>> {
    return this._op('post', 'operators/{operator_id}/leave-call', { path: [operatorId], body }, options)
  }

  /** Sends guidance to the agent on the operator's call. */
  sendGuidance(
    operatorId: string,
    body: OperatorGuidanceParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperatorGuidanceResult>> {
    return this._op('post', 'operators/{operator_id}/send-guidance', { path: [operatorId], body }, options)
  }

  /** Records the outcome of the operator's call. */
  wrapUp(
    operatorId: string,
    body: OperatorWrapUpParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperatorWrapUpResult>> {
    return this._op('post', 'operators/{operator_id}/wrap-up', { path: [operatorId], body }, options)
  }

  /** Creates an operator (`POST /operators`). */
  create(
    body: OperationBody<'create-operator'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-operator'>>> {
    return this._op('post', 'operators', { body }, options)
  }

  /** Fetches one operator (`GET /operators/{operator_id}`). */
  get(
    operatorId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-operator'>>> {
    return this._op('get', 'operators/{operator_id}', { path: [operatorId] }, options)
  }

  /** Updates an operator (`PATCH /operators/{operator_id}`). */
  update(
    operatorId: string,
    body: OperationBody<'update-operator'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'update-operator'>>> {
    return this._op('patch', 'operators/{operator_id}', { path: [operatorId], body }, options)
  }

  /** Escalations, one page (`GET /operators/escalations`). */
  getEscalations(
    params?: OperationQuery<'list-escalations'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-escalations'>>> {
    return this._op('get', 'operators/escalations', { query: params }, options)
  }

  /** Iterates over every item of `getEscalations`, fetching pages as needed. */
  getEscalationsAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-escalations'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-escalations'>>> {
    return this._autoPage((query) => this.getEscalations(query, options), params, 20)
  }

  /** Escalation statistics (`GET /operators/escalations/stats`). */
  getEscalationStats(
    params?: OperationQuery<'escalation-stats'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'escalation-stats'>>> {
    return this._op('get', 'operators/escalations/stats', { query: params }, options)
  }

  /** Operator performance summary (`GET /operators/performance`). */
  getPerformance(
    params?: OperationQuery<'operator-performance-summary'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'operator-performance-summary'>>> {
    return this._op('get', 'operators/performance', { query: params }, options)
  }

  /** Issues an access token for an operator's console (`POST /operators/{operator_id}/access-token`). */
  getAccessToken(
    operatorId: string,
    body: OperationBody<'operator-access-token'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'operator-access-token'>>> {
    return this._op('post', 'operators/{operator_id}/access-token', { path: [operatorId], body }, options)
  }

  /** Switches an operator between listen, whisper and take-over (`POST /operators/{operator_id}/switch-mode`). */
  switchMode(
    operatorId: string,
    body: OperationBody<'operator-switch-mode'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'operator-switch-mode'>>> {
    return this._op('post', 'operators/{operator_id}/switch-mode', { path: [operatorId], body }, options)
  }

  /** Prepares a briefing for an operator about to join a call (`POST /operators/{operator_id}/briefing`). */
  createBriefing(
    operatorId: string,
    body: OperationBody<'create-operator-briefing'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-operator-briefing'>>> {
    return this._op('post', 'operators/{operator_id}/briefing', { path: [operatorId], body }, options)
  }

  /** Transcript of a call, for operators (`GET /operators/calls/{call_sid}/transcript`). */
  getCallTranscript(
    callSid: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-call-transcript'>>> {
    return this._op('get', 'operators/calls/{call_sid}/transcript', { path: [callSid] }, options)
  }

  /** Operator actions, one page (`GET /operators/audit-log`). */
  getAuditLog(
    params?: OperationQuery<'list-audit-log'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-audit-log'>>> {
    return this._op('get', 'operators/audit-log', { query: params }, options)
  }

  /** Iterates over every item of `getAuditLog`, fetching pages as needed. */
  getAuditLogAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-audit-log'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-audit-log'>>> {
    return this._autoPage((query) => this.getAuditLog(query, options), params, 20)
  }
}
