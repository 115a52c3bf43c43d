// How resource methods write a spec path and its parameters (see APIResource._op). Types only;
// internal to the resources, so not re-exported by ./index.ts.
import type { ApiPath } from './operation-types'

// Every path of the configured workspace starts with this.
type WorkspacePrefix = '/v1/{workspace_id}/'

/**
 * A path of the configured workspace as resource methods write it, without `/v1/{workspace_id}/`:
 * `'agents/{agent_id}'` stands for `'/v1/{workspace_id}/agents/{agent_id}'`.
 */
type WorkspacePath = ApiPath extends infer P
  ? P extends `${WorkspacePrefix}${infer Rest}`
    ? Rest
    : never
  : never

/** A path as resource methods write it: a spec path, or a {@link WorkspacePath}. */
export type ResourcePath = ApiPath | WorkspacePath

/** The spec path a resource path stands for. */
export type SpecPath<P extends ResourcePath> = P extends ApiPath
  ? P
  : Extract<`${WorkspacePrefix}${P}`, ApiPath>

/** The path parameters of a template in order, as `_op` takes them (without `workspace_id`). */
export type PathArgs<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name extends 'workspace_id'
    ? PathArgs<Rest>
    : [string | number, ...PathArgs<Rest>]
  : []
