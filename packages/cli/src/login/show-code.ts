import { type DeviceCodeIssuance, formatDeviceCodeLink } from '@amigo-ai/auth-node'
import type { Output } from '../io/output'
import { printable } from '../io/printable'

/** Prints where to approve the sign-in and the code to check there, on stderr. */
export function showCode(output: Output, served: DeviceCodeIssuance): void {
  // What the identity service sent is shown, never obeyed by the terminal.
  const issuance = {
    ...served,
    user_code: printable(served.user_code),
    verification_uri: printable(served.verification_uri),
    verification_uri_complete: printable(served.verification_uri_complete),
  }
  const c = output.errColor
  const tty = output.term.stderr.isTTY === true
  const direct = issuance.verification_uri_complete || issuance.verification_uri
  const minutes = Math.max(1, Math.round(issuance.expires_in / 60))
  output.info('')
  // A clickable link on a terminal; elsewhere the URL itself.
  const shown = c.cyan(c.underline(direct))
  output.info(`To sign in, open ${tty ? formatDeviceCodeLink(issuance, shown) : shown}`)
  output.info(`and check that it shows the code ${c.bold(issuance.user_code)}`)
  if (direct !== issuance.verification_uri)
    output.info(
      c.dim(`(or go to ${issuance.verification_uri} and type the code; it expires in ${minutes} min)`),
    )
  output.info('')
}
