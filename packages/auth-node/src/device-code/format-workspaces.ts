import { ConfigurationError } from '@amigo-ai/core'
import { printable } from './terminal-text'
import type { WorkspaceChoice } from './types'

/**
 * A numbered list of workspaces for a terminal prompt: `1. Name (role)` followed by the id in an
 * aligned column (the id alone when the workspace has no name). Number `n` is `workspaces[n - 1]`.
 */
export function formatWorkspaceList(workspaces: WorkspaceChoice[]): string {
  if (!Array.isArray(workspaces) || workspaces.some((w) => typeof w?.workspace_id !== 'string')) {
    throw new ConfigurationError(
      'formatWorkspaceList needs the list passed to onWorkspaceRequired (objects with a workspace_id string)',
    )
  }
  if (workspaces.length === 0) return 'No workspaces to choose from.'
  const rows = workspaces.map((w, i) => {
    const id = printable(w.workspace_id)
    const name = typeof w.name === 'string' && w.name ? printable(w.name) : undefined
    const role = typeof w.role === 'string' && w.role ? ` (${printable(w.role)})` : ''
    return { label: `${i + 1}. ${name ?? id}${role}`, id: name ? id : '' }
  })
  const width = Math.max(...rows.map((r) => r.label.length))
  const lines = rows.map((r) => `  ${r.id ? `${r.label.padEnd(width)}   ${r.id}` : r.label}`)
  return ['Workspaces you can sign in to:', ...lines].join('\n')
}
