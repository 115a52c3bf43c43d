// Brands live in the global symbol registry so that two installed copies of this package
// (e.g. one pulled in by the umbrella, one by the app) still recognise each other's errors.

/** Every error of this package carries this brand (value: the set of class names it is). */
export const ERROR_BRAND: unique symbol = Symbol.for('amigo-ai.error') as never

/** True when `value` carries the brand for `name` (its own class or one of its ancestors). */
export function hasBrand(value: unknown, name: string): boolean {
  // Optional chaining reads nothing off null and undefined; other primitives have no brand.
  const brand = (value as Record<symbol, unknown> | null | undefined)?.[ERROR_BRAND]
  return Array.isArray(brand) && brand.includes(name)
}
