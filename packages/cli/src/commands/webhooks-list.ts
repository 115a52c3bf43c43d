import type { CommandContext } from '../context'
import { EXIT } from '../exit-codes'

/** `amigo webhooks list`: the event types `trigger` can send (the platform's documented catalogue). */
export default async function list(ctx: CommandContext): Promise<number> {
  const { webhookEventTypes } = await import('@amigo-ai/platform-mock')
  for (const type of webhookEventTypes()) ctx.output.print(type)
  return EXIT.ok
}
