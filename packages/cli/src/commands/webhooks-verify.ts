import { readFile } from 'node:fs/promises'
import { isWebhookVerificationError, parseWebhookEvent } from '@amigo-ai/webhooks'
import type { CommandContext } from '../context'
import { usageError } from '../errors/cli-error'
import { EXIT } from '../exit-codes'
import { printable } from '../io/printable'
import { readStream } from '../io/read-stream'
import { readDelivery } from '../webhooks/read-delivery'
import { requireSecret } from '../webhooks/require-secret'
import { verdict } from '../webhooks/verdict'

interface VerifyOptions {
  secret?: string
  file?: string
  tolerance: string
}

/** `amigo webhooks verify`: does a captured delivery verify with this secret, and if not, why. */
export default async function verify(ctx: CommandContext, opts: VerifyOptions): Promise<number> {
  const secret = requireSecret(opts.secret)
  // Number('') is 0: an empty value (an unset shell variable) must not mean "no tolerance".
  const toleranceS = opts.tolerance.trim() === '' ? Number.NaN : Number(opts.tolerance)
  if (!Number.isFinite(toleranceS) || toleranceS < 0)
    throw usageError('--tolerance must be a number of seconds (0 or more)')
  const delivery = readDelivery(await readInput(ctx, opts.file))
  const c = ctx.output.color
  try {
    const event = await parseWebhookEvent({
      payload: delivery.body,
      headers: delivery.headers,
      secret,
      toleranceMs: toleranceS * 1000,
    })
    const at = delivery.headers['x-amigo-timestamp']
    // An authentic delivery can still carry any text in its id and type: shown, never obeyed.
    const what = printable(`${event.type} ${event.id}`)
    ctx.output.print(`${c.green('✓ verified')}: ${what}${at ? ` (timestamp ${at})` : ' (no timestamp)'}`)
    return EXIT.ok
  } catch (error) {
    if (!isWebhookVerificationError(error)) throw error
    const { why, exitCode } = verdict(error.reason, toleranceS)
    ctx.output.print(`${c.red('✗ not verified')}: ${why}`)
    return exitCode
  }
}

async function readInput(ctx: CommandContext, file: string | undefined): Promise<string> {
  if (file !== undefined) {
    // An empty path (an unset shell variable) must not fall back to reading stdin.
    if (file === '') throw usageError('--file needs a path', 'or pipe the delivery in (< delivery.json)')
    try {
      return await readFile(file, 'utf8')
    } catch (error) {
      throw usageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`)
    }
  }
  if (ctx.term.stdin.isTTY)
    throw usageError('no delivery given', 'pipe one in (< delivery.json) or pass --file')
  return readStream(ctx.term.stdin, ctx.signal)
}
