import { ConfigurationError } from '@amigo-ai/core'
import { printable } from './terminal-text'
import type { DeviceCodeIssuance } from './types'

/**
 * Text telling the user where to go and which code to enter, for terminals. Shows the direct link
 * (code pre-filled) and, when it differs, the plain page plus the code to type by hand, then how
 * many minutes the code stays valid.
 */
export function formatDeviceCodeInstructions(
  issuance: Pick<DeviceCodeIssuance, 'user_code' | 'verification_uri'> & Partial<DeviceCodeIssuance>,
): string {
  if (typeof issuance?.user_code !== 'string' || typeof issuance.verification_uri !== 'string')
    throw new ConfigurationError(
      'formatDeviceCodeInstructions needs the issuance passed to onCode (user_code and verification_uri strings)',
    )
  const page = printable(issuance.verification_uri)
  const direct = printable(issuance.verification_uri_complete || issuance.verification_uri)
  const lines = ['To sign in, open this link in a browser:', '', `  ${direct}`, '']
  if (direct !== page) {
    lines.push(`Or go to ${page} and enter the code:`, '')
  } else {
    lines.push('and enter the code:', '')
  }
  lines.push(`  ${printable(issuance.user_code)}`, '')
  if (typeof issuance.expires_in === 'number' && issuance.expires_in > 0) {
    const minutes = Math.max(1, Math.round(issuance.expires_in / 60))
    lines.push(`The code expires in about ${minutes} minute${minutes === 1 ? '' : 's'}.`)
  }
  return lines.join('\n').trimEnd()
}
