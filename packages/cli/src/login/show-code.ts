import type { DeviceCodeIssuance } from '@amigo-ai/auth-node'
import type { Output } from '../io/output'
import { terminalLink } from '../io/terminal-link'

/** Prints where to approve the sign-in and the code to check there, on stderr. */
export function showCode(output: Output, issuance: DeviceCodeIssuance): void {
  const c = output.errColor
  const tty = output.term.stderr.isTTY === true
  const direct = issuance.verification_uri_complete || issuance.verification_uri
  const minutes = Math.max(1, Math.round(issuance.expires_in / 60))
  output.info('')
  output.info(`To sign in, open ${terminalLink(direct, tty, c.cyan(c.underline(direct)))}`)
  output.info(`and check that it shows the code ${c.bold(issuance.user_code)}`)
  if (direct !== issuance.verification_uri)
    output.info(
      c.dim(`(or go to ${issuance.verification_uri} and type the code; it expires in ${minutes} min)`),
    )
  output.info('')
}
