/**
 * Where `JSON.parse` failed, as `at character <n>` when V8's message says (`... in JSON at position
 * 12`), else undefined. Never the message itself: V8 quotes the text around the fault, which may be
 * a secret (a key pasted without its quotes, a captured header) no secret filter knows.
 */
export function jsonFaultAt(error: unknown): string | undefined {
  const at = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1]
  return at === undefined ? undefined : `at character ${at}`
}
