import type { WorkspaceChoice } from './types'

/**
 * Reads a workspace list from a 300 body or a `/self/profile` body: `workspaces[]` of
 * `{ workspace_id, role?, name? }` (also accepts `id` for `workspace_id`, and a bare array). Each
 * entry keeps every field the server sent, so callbacks see the list as the server gave it.
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
    const choice = { ...w, workspace_id: id } as WorkspaceChoice
    // The typed fields are strings or absent, whatever the server sent.
    if (typeof w.role !== 'string') delete choice.role
    if (typeof w.name !== 'string') delete choice.name
    out.push(choice)
  }
  return out
}
