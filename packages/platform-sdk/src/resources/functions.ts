import type { RequestOptions, WithResponseMeta } from '@amigo-ai/core'
import type { FunctionDefinition } from '../types'
import { APIResource } from './base'
import type { OperationBody, OperationResult } from './operation-types'

/** Result of `functions.list` (not paginated: `items` and `count`). */
export type FunctionList = OperationResult<'list-functions'>
/** Body of `functions.test`. */
export type FunctionTestParams = OperationBody<'test-function'>
/** Result of `functions.test`. */
export type FunctionTestResult = OperationResult<'test-function'>

/** Functions (Unity Catalog functions the agents can call). */
export class FunctionsResource extends APIResource {
  /** Lists the workspace's functions (one response; this list has no pages). */
  list(options?: RequestOptions): Promise<WithResponseMeta<FunctionList>> {
    return this._request('get', '/v1/{workspace_id}/functions', {}, options)
  }

  /** Fetches one function by name. */
  get(functionName: string, options?: RequestOptions): Promise<WithResponseMeta<FunctionDefinition>> {
    return this._request(
      'get',
      '/v1/{workspace_id}/functions/{function_name}',
      { path: { function_name: functionName } },
      options,
    )
  }

  /** Runs a function once with a sample input. */
  test(
    functionName: string,
    body: FunctionTestParams,
    options?: RequestOptions,
  ): Promise<WithResponseMeta<FunctionTestResult>> {
    return this._request(
      'post',
      '/v1/{workspace_id}/functions/{function_name}/test',
      { path: { function_name: functionName }, body },
      options,
    )
  }
}
