import { InvalidRequestError } from '@amigo-ai/core'
import type { ApiPath } from './operation-types'

/**
 * The `/v1/workspaces/{workspace_id}…` routes may address another workspace than the configured one.
 * The transport always fills `{workspace_id}` with the configured id (so a stray value cannot redirect
 * workspace-scoped calls), hence an explicit `id` is written into the path here instead. Without
 * `id` the spec template is kept, so hooks still see the schema path.
 */
export function workspacePath<P extends ApiPath>(template: P, id: string | undefined): P {
  if (id === undefined) return template
  if (typeof id !== 'string' || id === '')
    throw new InvalidRequestError('workspace id must be a non-empty string')
  return template.replace('{workspace_id}', encodeURIComponent(id)) as P
}
