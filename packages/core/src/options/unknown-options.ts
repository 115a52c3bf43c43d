/** Every name an options object may hold, as a record so that its type can keep the list exact. */
export type OptionNames<T> = Record<keyof T, true>

/** A known name close to a misspelt one: the same ignoring case, or one holding the other. */
function closeName(name: string, known: string[]): string | undefined {
  const lower = name.toLowerCase()
  return (
    known.find((k) => k.toLowerCase() === lower) ??
    (lower.length < 4
      ? undefined
      : known.find((k) => k.toLowerCase().includes(lower) || lower.includes(k.toLowerCase())))
  )
}

/** A name as the message shows it: as it is when it reads as one, else quoted, and at most 60 characters. */
function shown(name: string): string {
  const clipped = name.length > 60 ? `${name.slice(0, 60)}…` : name
  return /^[A-Za-z_$][\w$]*$/.test(name) ? clipped : JSON.stringify(clipped)
}

/**
 * What is wrong with `options` holding keys its function does not take (`unknown option baseUrl (did
 * you mean identityBaseUrl?)`), or undefined; the caller throws it in its own error. For functions
 * that send a credential to a host their options choose: ignored, a misspelt base URL falls back to
 * the default host and the credential goes there.
 */
export function unknownOptionProblem(options: object, names: Record<string, true>): string | undefined {
  const known = Object.keys(names)
  const unknown = Object.keys(options).filter((key) => !Object.hasOwn(names, key))
  if (unknown.length === 0) return undefined
  const described = unknown.map((key) => {
    const close = closeName(key, known)
    return close ? `${shown(key)} (did you mean ${close}?)` : shown(key)
  })
  return `unknown option${unknown.length > 1 ? 's' : ''} ${described.join(', ')}`
}
