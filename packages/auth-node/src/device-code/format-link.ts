import { ConfigurationError, kindOf } from '@amigo-ai/core'
import { printable } from './terminal-text'
import type { DeviceCodeIssuance } from './types'

/**
 * A clickable terminal hyperlink (OSC 8) to the approval page with the code filled in
 * (`verification_uri_complete`). The visible text is `text`, by default the URL itself, so
 * terminals without hyperlink support still show where to go. A URL that is not http(s) is
 * returned as plain text, not as a link.
 */
export function formatDeviceCodeLink(
  issuance: Pick<DeviceCodeIssuance, 'verification_uri_complete'> & Partial<DeviceCodeIssuance>,
  text?: string,
): string {
  const target = issuance?.verification_uri_complete || issuance?.verification_uri
  if (typeof target !== 'string' || target === '') {
    throw new ConfigurationError(
      'formatDeviceCodeLink needs the issuance passed to onCode (a verification_uri_complete string)',
    )
  }
  if (text !== undefined && typeof text !== 'string') {
    throw new ConfigurationError(`formatDeviceCodeLink: text must be a string, got ${kindOf(text)}`)
  }
  // Control characters inside the URL would end the escape sequence early.
  const url = printable(target)
  // Only a web page is made clickable (as openBrowser opens only those): a terminal hands a link's
  // target to the system's opener, which runs `file:` and other schemes too. Anything else is shown
  // as it is, in place of `text`, so the user sees where it would have led.
  if (!/^https?:\/\//i.test(url)) return url
  return `\u001b]8;;${url}\u0007${text ?? url}\u001b]8;;\u0007`
}
