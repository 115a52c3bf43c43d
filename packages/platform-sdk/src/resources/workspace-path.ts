import { InvalidRequestError, pathSegmentProblem } from '@amigo-ai/core'
import type { ApiPath } from './operation-types'

/**
 * The `/v1/workspaces/{workspace_id}…` routes may address another workspace than the configured one.
 * The transport always fills `{workspace_id}` with the configured id (so a stray value cannot redirect
 * workspace-scoped calls), hence an explicit `id` is written into the path here instead, after the
 * same check the transport gives every path parameter. Without `id` the spec template is kept, so
 * hooks still see the schema path. `method` names the operation in the error.
 */
export function workspacePath<P extends ApiPath>(template: P, id: unknown, method: string): P {
  if (id === undefined) return template
  const problem = pathSegmentProblem(id)
  if (problem !== undefined)
    throw new InvalidRequestError(
      `path parameter "workspace_id" (the id argument) of ${method.toUpperCase()} ${template} ${problem}`,
    )
  return template.replace('{workspace_id}', encodeURIComponent(String(id))) as P
}
