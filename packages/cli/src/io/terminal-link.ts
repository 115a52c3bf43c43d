/**
 * `text` as a clickable link to `url` (an OSC 8 hyperlink) on a terminal; elsewhere `text` as it is,
 * so it should show the URL itself. Terminals without OSC 8 support ignore the escape and print the text.
 */
export function terminalLink(url: string, isTTY: boolean, text = url): string {
  if (!isTTY) return text
  return `\u001b]8;;${url}\u0007${text}\u001b]8;;\u0007`
}
