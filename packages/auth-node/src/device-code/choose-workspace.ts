import { WorkspaceSelectionError } from '../errors/device-code-errors'
import type { WorkspaceChoice } from './types'

/**
 * Asks `onWorkspaceRequired` for a workspace (or takes the only one offered) and checks the answer
 * is one of the offered ids. An empty offer is an error without asking: there is nothing to choose
 * from, and no answer could be checked against it.
 */
export async function chooseWorkspace(
  workspaces: WorkspaceChoice[],
  onWorkspaceRequired: ((workspaces: WorkspaceChoice[]) => string | Promise<string>) | undefined,
): Promise<string> {
  if (workspaces.length === 0) {
    throw new WorkspaceSelectionError(
      'The identity service asked which workspace to sign in to but offered none; the account may belong to no workspace',
    )
  }
  if (!onWorkspaceRequired) {
    if (workspaces.length === 1 && workspaces[0]) return workspaces[0].workspace_id
    throw new WorkspaceSelectionError(
      `The account belongs to ${workspaces.length} workspaces; pass onWorkspaceRequired to choose one`,
    )
  }
  // A copy, so a callback that sorts or trims the list cannot change what we validate against.
  const chosen = await onWorkspaceRequired(workspaces.map((w) => ({ ...w })))
  if (typeof chosen !== 'string' || chosen.length === 0) {
    throw new WorkspaceSelectionError('onWorkspaceRequired must return a workspace_id string')
  }
  if (!workspaces.some((w) => w.workspace_id === chosen)) {
    throw new WorkspaceSelectionError(
      `onWorkspaceRequired returned "${chosen}", which is not an offered workspace`,
    )
  }
  return chosen
}
