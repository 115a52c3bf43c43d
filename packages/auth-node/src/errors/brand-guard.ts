import type { AmigoError } from '@amigo-ai/core'

/** A class of ours: core's `AmigoError.isInstance` reads the brand its instances carry. */
interface BrandedClass<T extends AmigoError> {
  readonly kind: string
  isInstance(value: unknown): value is T
}

/**
 * Builds an `is...Error` guard from core's brand check, so it also recognises errors thrown by
 * another installed copy of this package, where `instanceof` does not.
 */
export function brandGuard<T extends AmigoError>(klass: BrandedClass<T>): (value: unknown) => value is T {
  return (value: unknown): value is T => klass.isInstance(value)
}
