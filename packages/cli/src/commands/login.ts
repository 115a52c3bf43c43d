import { hostname } from 'node:os'
import { loginWithDeviceCode, openBrowser } from '@amigo-ai/auth-node'
import { pathSegmentProblem } from '@amigo-ai/core'
import type { CommandContext } from '../context'
import { checkBaseUrl, DEFAULT_BASE_URL } from '../credentials/base-url'
import { assertCredentialsPathUsable } from '../credentials/credentials-path'
import { loginStore, REFRESH_MARGIN_MS } from '../credentials/login-store'
import { CliError, usageError } from '../errors/cli-error'
import { EXIT } from '../exit-codes'
import { printable } from '../io/printable'
import { workspacePicker } from '../login/choose-workspace'
import { describeExpiry } from '../login/describe-expiry'
import { startProgress } from '../login/progress'
import { showCode } from '../login/show-code'

interface LoginOptions {
  workspace?: string
  browser: boolean
}

/** `amigo login`: the device-code sign-in; the tokens go to the profile's credentials file. */
export default async function login(ctx: CommandContext, opts: LoginOptions): Promise<number> {
  const { output } = ctx
  // Usually an unset shell variable (`--workspace "$WS"`): taken as none, the login would pick another.
  if (opts.workspace === '') throw usageError('--workspace is empty', 'leave it out to choose one when asked')
  // Every API path puts the workspace after `/v1/`: one that cannot be a single path segment is no id.
  const problem = opts.workspace === undefined ? undefined : pathSegmentProblem(opts.workspace)
  if (problem !== undefined)
    throw usageError(`--workspace ${problem}`, 'pass the id of one of your workspaces')
  // The identity service lives at the API origin (the platform and `amigo mock` alike).
  const { baseUrl, baseUrlName } = ctx.options
  const identityBaseUrl = baseUrl ? checkBaseUrl(baseUrl, baseUrlName) : DEFAULT_BASE_URL
  const { storage, tokens } = loginStore(ctx)
  // Taking the profile's lock makes its folder and a file in it: a folder that cannot hold the login,
  // or a credentials path that is no file, fails here, before anyone is sent to the browser to
  // approve a login that would then be lost. Ctrl-C ends a wait for a lock another process holds.
  await storage.withLock(async () => {}, undefined, { signal: ctx.signal })
  await assertCredentialsPathUsable(storage.path, ctx.options.profile)
  const progress = startProgress(output)
  try {
    const result = await loginWithDeviceCode({
      identityBaseUrl,
      clientDescription: `amigo CLI on ${hostname()}`,
      signal: ctx.signal,
      ...(opts.workspace ? { workspaceId: opts.workspace } : {}),
      onCode: async (issuance) => {
        output.secrets.remember(issuance.device_code)
        showCode(output, issuance)
        if (opts.browser && !(await openBrowser(issuance.verification_uri_complete)))
          output.info(output.errColor.dim('(no browser could be opened here: open the link yourself)'))
        progress.start('Waiting for you to approve in the browser')
      },
      onPoll: (event) => {
        progress.update(
          `Waiting for you to approve in the browser (${Math.round(event.remainingMs / 1000)}s left)`,
        )
      },
      onWorkspaceRequired: workspacePicker({
        output,
        preferred: opts.workspace,
        beforePrompt: () => progress.clear(),
        signal: ctx.signal,
      }),
    })
    output.secrets.remember(result.accessToken, result.refreshToken)
    // Ctrl-C ends a wait for the lock another process holds, as above; nothing is saved then.
    await tokens.store(result, { signal: ctx.signal })
    progress.clear()
    const c = output.color
    output.print(`${c.green('✓')} Signed in to workspace ${c.bold(printable(result.workspaceId))}`)
    output.info(`  token ${describeExpiry(result.expiresAt * 1000)}; saved to ${storage.path}`)
    if (!result.refreshToken && result.expiresAt * 1000 - Date.now() <= REFRESH_MARGIN_MS) {
      // Other commands refuse such a token at once: said now, not as a puzzling failure of the next one.
      output.info(
        `${output.errColor.yellow('warning:')} this token expires within ${REFRESH_MARGIN_MS / 1000}s and came without a refresh token, so other commands will refuse it as expiring`,
      )
    }
    return EXIT.ok
  } catch (error) {
    progress.clear()
    if (ctx.signal.aborted) throw new CliError('login cancelled', { exitCode: EXIT.interrupted })
    throw error
  }
}
