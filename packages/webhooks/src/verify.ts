import type { WebhookPayload } from './bytes'
import { isWebhookVerificationError } from './errors'
import { toOptions, type VerifyArgs, type WebhookVerificationOptions } from './options'
import type { WebhookSecret } from './secrets'
import { verifyDelivery } from './verify-delivery'

/**
 * Resolves true when the delivery is authentic and fresh, false otherwise (never rejects for a bad
 * delivery). Rejects with TypeError only for misuse: no secret (or only expired ones), or a payload
 * that is not raw text/bytes.
 */
export function verifyWebhookSignature(options: WebhookVerificationOptions): Promise<boolean>
/** Legacy shape: body-only HMAC, no timestamp. */
export function verifyWebhookSignature(
  payload: WebhookPayload,
  signature: string | null | undefined,
  secret: WebhookSecret,
): Promise<boolean>
export async function verifyWebhookSignature(
  ...args: VerifyArgs<WebhookVerificationOptions>
): Promise<boolean> {
  try {
    await verifyDelivery(toOptions(args))
    return true
  } catch (error) {
    if (isWebhookVerificationError(error)) return false
    throw error
  }
}
