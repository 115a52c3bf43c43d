// The adapter between auth-node's `onWorkspaceRequired` callback and the terminal: kept in this one
// file so a change to the callback's shape touches nothing else.
import type { WorkspaceChoice } from '@amigo-ai/auth-node'
import { isCancel, select } from '@clack/prompts'
import { CliError, usageError } from '../errors/cli-error'
import { EXIT } from '../exit-codes'
import type { Output } from '../io/output'
import { printable } from '../io/printable'

/** How the workspace is chosen: `--workspace`, else a picker when a person is at the terminal. */
export interface WorkspacePickerOptions {
  output: Output
  /** `--workspace`, when given. */
  preferred?: string
  /** Called before the picker takes the screen (to stop the spinner). */
  beforePrompt?: () => void
  signal?: AbortSignal
}

/** The `onWorkspaceRequired` callback for `loginWithDeviceCode`. */
export function workspacePicker(options: WorkspacePickerOptions) {
  return async (workspaces: WorkspaceChoice[]): Promise<string> => {
    const ids = workspaces.map((w) => w.workspace_id)
    if (options.preferred) {
      if (ids.includes(options.preferred)) return options.preferred
      throw usageError(`--workspace ${options.preferred} is not one of yours: ${ids.join(', ')}`)
    }
    const { term } = options.output
    if (term.stdin.isTTY !== true || term.stderr.isTTY !== true) {
      throw usageError(
        `your account has ${ids.length} workspaces: ${ids.join(', ')}`,
        "run 'amigo login --workspace <id>' to choose one",
      )
    }
    options.beforePrompt?.()
    const chosen = await select({
      message: 'Which workspace?',
      options: workspaces.map((w) => ({
        value: w.workspace_id,
        label: label(w),
        hint: w.role && printable(w.role),
      })),
      input: term.stdin as NodeJS.ReadStream,
      output: term.stderr as NodeJS.WriteStream,
      ...(options.signal ? { signal: options.signal } : {}),
    })
    if (isCancel(chosen)) throw new CliError('login cancelled', { exitCode: EXIT.interrupted })
    return chosen
  }
}

// The identity service's names, shown but never obeyed by the terminal.
const label = (w: WorkspaceChoice) => printable(w.name ? `${w.name} (${w.workspace_id})` : w.workspace_id)
