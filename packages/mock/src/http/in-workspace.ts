import { notFound } from './types'

/** The row `id` of `table` when it belongs to workspace `workspaceId`; otherwise 404 naming `label`. */
export function inWorkspace<R extends object>(
  table: { get(id: string): R | undefined },
  id: string,
  workspaceId: string,
  label: string,
): R {
  const row = table.get(id)
  if (!row || (row as { workspace_id?: unknown }).workspace_id !== workspaceId) throw notFound(label)
  return row
}
