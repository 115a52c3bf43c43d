import { signWebhookPayload } from '@amigo-ai/webhooks/sign'
import type { CommandContext } from '../context'
import { CliError, usageError } from '../errors/cli-error'
import { EXIT } from '../exit-codes'
import { httpUrlOption } from '../http-url-option'
import { secondsOption } from '../seconds-option'
import { deliver, SHOWN_BYTES } from '../webhooks/deliver'
import { handlerAddress } from '../webhooks/handler-address'
import { requireSecret } from '../webhooks/require-secret'

interface TriggerOptions {
  to?: string
  secret?: string
  print?: boolean
  timeout: string
}

/**
 * `amigo webhooks trigger <type>`: a realistic delivery of that type (sampled by the platform mock
 * from the event's schema), signed as the platform signs, POSTed to the handler.
 */
export default async function trigger(
  ctx: CommandContext,
  type: string,
  opts: TriggerOptions,
): Promise<number> {
  const secret = requireSecret(opts.secret, ctx.output.secrets)
  if (!opts.print && !opts.to)
    throw usageError('--to <url> is needed (or --print to only print the delivery)')
  // Checked even with --print, an empty one too (an unset shell variable), but never sent to then.
  const target = opts.to !== undefined ? checkTarget(opts.to) : undefined
  const timeoutMs = secondsOption('--timeout', opts.timeout, '60')
  // The mock (with its spec and sampler) loads only here, for this command.
  const { sampleWebhookEvent, webhookEventTypes } = await import('@amigo-ai/platform-mock')
  if (!webhookEventTypes().includes(type))
    throw usageError(`unknown event type "${type}"`, "run 'amigo webhooks list' to see them")
  const body = JSON.stringify(sampleWebhookEvent(type))
  const signed = await signWebhookPayload({ payload: body, secret })
  const headers = { 'content-type': 'application/json', 'user-agent': 'amigo-cli', ...signed.headers }
  const { output } = ctx
  if (body.includes(secret))
    output.info(
      output.errColor.dim(
        'note: the signing secret occurs in the body it signs: a secret that easy to guess protects nothing',
      ),
    )
  if (opts.print || !target) {
    // The delivery exactly as signed, not through the secret filter: a secret that occurs in the
    // body ("call" in "call.ended") replaced by [REDACTED] would break the signature, and show where
    // the secret is. Nothing else of it is secret (the signature is an HMAC, which does not reveal
    // the key), and the body is what any handler it is sent to receives.
    output.term.stdout.write(`${JSON.stringify({ headers, body }, null, 2)}\n`)
    return EXIT.ok
  }
  output.info(output.errColor.dim(`→ POST ${handlerAddress(target)} (${type})`))
  const answer = await deliver(target, { headers, body }, ctx.signal, timeoutMs)
  const status = output.received(`${answer.status} ${answer.statusText}`.trim())
  output.print(`${answer.ok ? output.color.green(status) : output.color.red(status)}`)
  if (answer.body) output.print(output.received(answer.body))
  if (answer.cut)
    output.info(
      output.errColor.dim(`(the answer is longer: only its first ${SHOWN_BYTES / 1024} KiB are shown)`),
    )
  if (!answer.ok)
    throw new CliError(`the handler answered ${answer.status}`, { hint: 'is it using the same secret?' })
  return EXIT.ok
}

function checkTarget(to: string): string {
  const example = 'http://127.0.0.1:3000/webhooks/amigo'
  return httpUrlOption('--to', to, example, 'sign deliveries with --secret instead').href
}
