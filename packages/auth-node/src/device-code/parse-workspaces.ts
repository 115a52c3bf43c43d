import type { WorkspaceChoice } from './types'

/**
 * Reads a workspace list from a 300 body or a `/self/profile` body: `workspaces[]` of
 * `{ workspace_id, role?, name? }` (also accepts `id` for `workspace_id`, and a bare array).
 */
export function parseWorkspaces(body: unknown): WorkspaceChoice[] {
  const list = Array.isArray(body)
    ? body
    : body && typeof body === 'object' && Array.isArray((body as { workspaces?: unknown }).workspaces)
      ? (body as { workspaces: unknown[] }).workspaces
      : []
  const out: WorkspaceChoice[] = []
  for (const item of list) {
    if (!item || typeof item !== 'object') continue
    const w = item as Record<string, unknown>
    const id =
      typeof w.workspace_id === 'string' ? w.workspace_id : typeof w.id === 'string' ? w.id : undefined
    if (!id) continue
    const choice: WorkspaceChoice = { workspace_id: id }
    if (typeof w.role === 'string') choice.role = w.role
    if (typeof w.name === 'string') choice.name = w.name
    out.push(choice)
  }
  return out
}
