import type { CommandContext } from '../context'
import { loginStore } from '../credentials/login-store'
import { EXIT } from '../exit-codes'

/** `amigo logout`: deletes the profile's stored login on this machine. */
export default async function logout(ctx: CommandContext): Promise<number> {
  const { tokens } = loginStore(ctx)
  const profile = ctx.options.profile ?? 'default'
  // A damaged credentials file is still something to remove.
  const stored = await tokens.load().catch(() => true)
  // Ctrl-C ends a wait for the lock another process holds (interrupted, exit 130); the login stays.
  await tokens.clear({ signal: ctx.signal })
  ctx.output.print(
    stored ? `Signed out (profile ${profile})` : `Not signed in (profile ${profile}); nothing to do`,
  )
  return EXIT.ok
}
