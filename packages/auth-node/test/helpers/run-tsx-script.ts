import { startTsxScript } from '@amigo-ai/test-server'

/**
 * Runs a helper script of this folder in a separate Node process (through tsx) and resolves with its
 * trimmed output; rejects with the output when it exits non-zero. Used for cross-process tests.
 */
export async function runTsxScript(name: string, args: string[]): Promise<string> {
  const run = startTsxScript(new URL(`./${name}`, import.meta.url), args, new URL('../..', import.meta.url))
  const { code, output } = await run.exited
  if (code !== 0) throw new Error(`${name}: ${output}`)
  return output.trim()
}
