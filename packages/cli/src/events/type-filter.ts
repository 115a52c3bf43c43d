import { usageError } from '../errors/cli-error'

/**
 * A predicate for `--type` patterns: exact names or `*` wildcards (`call.*`, `*.failed`), given
 * repeated or comma-separated. No pattern lets everything through.
 */
export function typeFilter(patterns: string[]): (type: string) => boolean {
  const parts = patterns.flatMap((p) => p.split(',')).map((p) => p.trim())
  if (parts.some((p) => p === '')) throw usageError('--type got an empty pattern')
  const bad = parts.find((p) => !/^[\w.*-]+$/.test(p))
  if (bad) throw usageError(`--type "${bad}" is not an event type pattern`, 'e.g. call.ended or surface.*')
  if (parts.length === 0) return () => true
  const res = parts.map((p) => new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`))
  return (type) => res.some((re) => re.test(type))
}
