/** The mock agent's scripted, deterministic reply to a user message. */
export function scriptedReply(message: string): string {
  const m = message.toLowerCase()
  if (/\b(tuesday|monday|wednesday|thursday|friday|saturday|sunday|morning|afternoon)\b/.test(m))
    return 'That works. I have booked you for 9:00 AM and will send a confirmation by text.'
  if (/(schedul|appointment|book)/.test(m))
    return 'I can help you schedule that. Which day works best for you?'
  if (/(bill|invoice|payment)/.test(m))
    return 'I can help with billing. Could you confirm the account holder name?'
  if (/(result|lab)/.test(m)) return 'Your results are ready; your clinician will reach out today.'
  if (/^(hi|hello|hey)\b/.test(m)) return 'Hello! How can I help you today?'
  return `Thanks, I noted: "${message.slice(0, 200)}". Is there anything else I can help with?`
}

/** The greeting a new conversation opens with when `auto_greet` is on. */
export const GREETING = 'Hi, this is Alex from Acme Health. How can I help you today?'

/** Splits a reply into the `token` chunks a streamed turn sends (words with their trailing space). */
export function tokensOf(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [text]
}
