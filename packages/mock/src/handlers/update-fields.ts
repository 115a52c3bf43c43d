type Row = Record<string, any>

/** Fields a stored record keeps for life: its key in the table, its workspace, its creation time. */
const FIXED = ['id', 'workspace_id', 'created_at']

/**
 * The fields of an update body a handler lays over a stored record: all but the record's own
 * `id`, `workspace_id` and `created_at` (and `alsoFixed`). The API's update models do not declare
 * them and FastAPI ignores what a model does not declare; laid over the row, they would re-key it
 * (404 at its own id) or move it to another workspace.
 */
export function updateFields(body: unknown, alsoFixed: string[] = []): Row {
  if (typeof body !== 'object' || body === null) return {}
  const fixed = new Set([...FIXED, ...alsoFixed])
  return Object.fromEntries(Object.entries(body).filter(([k]) => !fixed.has(k)))
}
