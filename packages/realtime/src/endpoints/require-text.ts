import { ConfigurationError } from '@amigo-ai/core'

/** Throws `ConfigurationError` naming `name` unless `value` is a non-empty string (never quoting it). */
export function requireText(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string' || value === '')
    throw new ConfigurationError(`${name} is required (a non-empty string)`)
}
