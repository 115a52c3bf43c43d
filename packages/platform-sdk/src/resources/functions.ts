import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { FunctionDefinition } from '../types'
import { APIResource } from './base'
import type { OperationBody, OperationQuery, OperationResult } from './operation-types'

/** Result of `functions.list` (not paginated: `items` and `count`). */
export type FunctionList = OperationResult<'list-functions'>
/** Body of `functions.test`. */
export type FunctionTestParams = OperationBody<'test-function'>
/** Result of `functions.test`. */
export type FunctionTestResult = OperationResult<'test-function'>

/** Functions (Unity Catalog functions the agents can call). */
export class FunctionsResource extends APIResource {
  /** Lists the workspace's functions (one response; this list has no pages). */
  list(options?: RequestOptions): Promise<WithResponseMetadata<FunctionList>> {
    return this._op('get', 'functions', {}, options)
  }

  /** Fetches one function by name. */
  get(functionName: string, options?: RequestOptions): Promise<WithResponseMetadata<FunctionDefinition>> {
    return this._op('get', 'functions/{function_name}', { path: [functionName] }, options)
  }

  /** Runs a function once with a sample input. */
  test(
    functionName: string,
    body: FunctionTestParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<FunctionTestResult>> {
    return this._op('post', 'functions/{function_name}/test', { path: [functionName], body }, options)
  }

  /** Creates a function (`POST /functions`). */
  create(
    body: OperationBody<'create-function'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-function'>>> {
    return this._op('post', 'functions', { body }, options)
  }

  /** Deletes a function (`DELETE /functions/{function_name}`). */
  delete(
    functionName: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'delete-function'>>> {
    return this._op('delete', 'functions/{function_name}', { path: [functionName] }, options)
  }

  /** Discovers the data catalog functions can query (`GET /functions/catalog`). */
  getCatalog(options?: RequestOptions): Promise<WithResponseMetadata<OperationResult<'discover-catalog'>>> {
    return this._op('get', 'functions/catalog', {}, options)
  }

  /** Runs a query against the function catalog (`POST /functions/query`). */
  query(
    body: OperationBody<'query-functions'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'query-functions'>>> {
    return this._op('post', 'functions/query', { body }, options)
  }

  /** Re-syncs the function catalog (`POST /functions/sync`). */
  sync(options?: RequestOptions): Promise<WithResponseMetadata<OperationResult<'sync-catalog'>>> {
    return this._op('post', 'functions/sync', {}, options)
  }

  /** Deploys a registered function version (`POST /functions/deploy`). */
  deploy(
    body: OperationBody<'deploy-function'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'deploy-function'>>> {
    return this._op('post', 'functions/deploy', { body }, options)
  }

  /** Lists registered function versions (`GET /functions/registered`). */
  listRegistered(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-registered-functions'>>> {
    return this._op('get', 'functions/registered', {}, options)
  }

  /** Lists the versions of a function (`GET /functions/{function_name}/versions`). */
  listVersions(
    functionName: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-function-versions'>>> {
    return this._op('get', 'functions/{function_name}/versions', { path: [functionName] }, options)
  }

  /** Fetches the function version an alias points to (default `latest`) (`GET /functions/{function_name}/version`). */
  getVersion(
    functionName: string,
    alias: NonNullable<OperationQuery<'get-function-version'>['alias']> = 'latest',
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-function-version'>>> {
    return this._op(
      'get',
      'functions/{function_name}/version',
      { path: [functionName], query: { alias } },
      options,
    )
  }

  /** Invokes a function (`POST /functions/{function_name}/invoke`). */
  invoke(
    functionName: string,
    body: OperationBody<'invoke-function'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'invoke-function'>>> {
    return this._op('post', 'functions/{function_name}/invoke', { path: [functionName], body }, options)
  }

  /** Test-invokes a function (v2) (`POST /functions/{function_name}/v2/test`). */
  testV2(
    functionName: string,
    body: OperationBody<'test-function-v2'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'test-function-v2'>>> {
    return this._op('post', 'functions/{function_name}/v2/test', { path: [functionName], body }, options)
  }

  /** Promotes a function version to an alias (`POST /functions/{function_name}/promote`). */
  promote(
    functionName: string,
    body: OperationBody<'promote-function'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'promote-function'>>> {
    return this._op('post', 'functions/{function_name}/promote', { path: [functionName], body }, options)
  }

  /** Rolls an alias back to an earlier version (`POST /functions/{function_name}/rollback`). */
  rollback(
    functionName: string,
    body: OperationBody<'rollback-function'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'rollback-function'>>> {
    return this._op('post', 'functions/{function_name}/rollback', { path: [functionName], body }, options)
  }
}
