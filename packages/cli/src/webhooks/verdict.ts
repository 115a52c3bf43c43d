import type { WebhookVerificationReason } from '@amigo-ai/webhooks'
import { EXIT, type ExitCode } from '../exit-codes'

/** What `webhooks verify` says about a refused delivery, and its exit code. */
export function verdict(
  reason: WebhookVerificationReason,
  toleranceS: number,
): { why: string; exitCode: ExitCode } {
  switch (reason) {
    case 'signature_mismatch':
      return {
        why: 'bad signature: signed with another secret, or the body is not the bytes that were signed',
        exitCode: EXIT.badSignature,
      }
    case 'timestamp_too_old':
      return {
        why: `too old: signed more than ${toleranceS}s ago (a replay, or a very late retry)`,
        exitCode: EXIT.staleTimestamp,
      }
    case 'timestamp_in_future':
      return {
        why: `timestamp more than ${toleranceS}s in the future (check the clocks)`,
        exitCode: EXIT.staleTimestamp,
      }
    case 'missing_signature':
      return { why: 'malformed header: no x-amigo-signature header', exitCode: EXIT.malformedDelivery }
    case 'malformed_signature':
      return {
        why: 'malformed header: x-amigo-signature is not sha256=<hex>',
        exitCode: EXIT.malformedDelivery,
      }
    case 'malformed_timestamp':
      return {
        why: 'malformed header: x-amigo-timestamp is not Unix time or ISO-8601 with a zone',
        exitCode: EXIT.malformedDelivery,
      }
    default:
      return { why: 'authentic, but the body is not a JSON event object', exitCode: EXIT.malformedDelivery }
  }
}
