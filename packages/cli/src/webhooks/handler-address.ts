/**
 * The handler's URL as messages show it: origin and path. Its query and fragment are left out: a
 * hosted receiver's URL often carries its own token there (`?token=...`), which no secret filter
 * knows. (A user or password is refused before anything is sent.)
 */
export function handlerAddress(url: string): string {
  const { origin, pathname } = new URL(url)
  return `${origin}${pathname}`
}
