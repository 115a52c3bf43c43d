// Errors are recognised by core's brand (a list of class names under a registry symbol), so the
// guards work across two installed copies of this package, where instanceof does not.
const ERROR_BRAND = Symbol.for('amigo-ai.error')

/** Builds a type guard that checks an error's brand for the class `name` (or a subclass of it). */
export function brandGuard<T>(name: string): (value: unknown) => value is T {
  return (value: unknown): value is T => {
    if (typeof value !== 'object' || value === null) return false
    const brand = (value as Record<symbol, unknown>)[ERROR_BRAND]
    return Array.isArray(brand) && brand.includes(name)
  }
}
