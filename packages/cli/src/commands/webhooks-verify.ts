import { readFile } from 'node:fs/promises'
import { isWebhookVerificationError, parseWebhookEvent } from '@amigo-ai/webhooks'
import type { CommandContext } from '../context'
import { usageError } from '../errors/cli-error'
import { EXIT } from '../exit-codes'
import { printable } from '../io/printable'
import { readStream } from '../io/read-stream'
import { secondsOption } from '../seconds-option'
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
  const secret = requireSecret(opts.secret, ctx.output.secrets)
  // No timer waits this long, so any tolerance a number holds exactly will do.
  const toleranceMs = secondsOption('--tolerance', opts.tolerance, '300', {
    zero: true,
    mostMs: Number.MAX_SAFE_INTEGER,
  })
  const delivery = readDelivery(await readInput(ctx, opts.file))
  const c = ctx.output.color
  try {
    const event = await parseWebhookEvent({
      payload: delivery.body,
      headers: delivery.headers,
      secret,
      toleranceMs,
    })
    const at = delivery.headers['x-amigo-timestamp']
    // An authentic delivery can still carry any text in its id and type: shown, never obeyed.
    const what = printable(`${shown(event.type, 'type')} ${shown(event.id, 'id')}`)
    ctx.output.print(`${c.green('✓ verified')}: ${what}${at ? ` (timestamp ${at})` : ' (no timestamp)'}`)
    return EXIT.ok
  } catch (error) {
    if (!isWebhookVerificationError(error)) throw error
    const { why, exitCode } = verdict(error.reason, Number(opts.tolerance))
    ctx.output.print(`${c.red('✗ not verified')}: ${why}`)
    return exitCode
  }
}

/**
 * An id or type as text. The body is any JSON object the signer chose: an object there has no text
 * of its own (`{"toString": 1}` cannot even be converted), and a deeply nested array would overflow
 * the stack on the way, so only a string, number or boolean is shown as it is.
 */
function shown(value: unknown, name: string): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return value == null ? `(no ${name})` : `(${name} is not text)`
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
