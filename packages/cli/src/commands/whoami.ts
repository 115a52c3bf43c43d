import type { CommandContext } from '../context'
import { loginStore } from '../credentials/login-store'
import { resolveCredentials } from '../credentials/resolve-credentials'
import { EXIT } from '../exit-codes'
import { printable } from '../io/printable'
import { describeExpiry, expiryIso } from '../login/describe-expiry'

/** `amigo whoami`: which credentials the other commands would use. Never prints a token or key. */
export default async function whoami(ctx: CommandContext, opts: { json?: boolean }): Promise<number> {
  const creds = await resolveCredentials(ctx)
  const profile = ctx.options.profile ?? 'default'
  const facts: Record<string, string | null | undefined> = {
    workspace_id: creds.workspaceId,
    source: creds.source === 'environment' ? 'AMIGO_API_KEY' : `login (profile ${profile})`,
    base_url: creds.baseUrl,
  }
  if (creds.source === 'login') {
    // Refreshes first when the token has expired, so what is shown is what the next call gets.
    if (typeof creds.apiKey === 'function') await creds.apiKey()
    const stored = await loginStore(ctx).tokens.load()
    const expiresAtMs = stored ? stored.expires_at * 1000 : undefined
    facts.expires_at = expiresAtMs === undefined ? undefined : expiryIso(expiresAtMs)
    facts.scope = stored?.scope
    if (!opts.json && expiresAtMs !== undefined) facts.expires_at = describeExpiry(expiresAtMs)
  }
  if (opts.json) {
    ctx.output.print(JSON.stringify(facts))
    return EXIT.ok
  }
  const c = ctx.output.color
  for (const [key, value] of Object.entries(facts)) {
    const shown = value ?? (key === 'scope' ? '(not stated by the identity service)' : '-')
    // Values from the credentials file and the identity service: shown, never obeyed by the terminal.
    ctx.output.print(`${c.dim(key.replace('_', ' ').padEnd(12))} ${printable(shown)}`)
  }
  // A login was just refreshed (or read) from the identity service; a key is only read from the
  // environment, and a wrong one would otherwise look as good as a right one.
  if (creds.source === 'environment')
    ctx.output.info(
      ctx.output.errColor.dim(
        "(the key is not checked here: 'amigo api get /v1/workspaces/{workspace_id}' tries it)",
      ),
    )
  return EXIT.ok
}
