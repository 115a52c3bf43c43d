import { CommanderError } from 'commander'
import { EXIT } from './exit-codes'
import type { Terminal } from './io/output'
import { buildProgram, type ProgramHost } from './program'

/** The process's own streams and environment. */
const processTerminal = (): Terminal => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
})

/**
 * Runs `amigo <argv>` and resolves to the exit code; never throws. `stop` ends the command as Ctrl-C
 * does (the bin has no use for it; a test running commands in its own process does).
 */
export async function run(
  argv: string[],
  term: Terminal = processTerminal(),
  stop?: AbortSignal,
): Promise<number> {
  const controller = new AbortController()
  const stopSignals = onInterrupt(controller, stop)
  let code: number = EXIT.ok
  const host: ProgramHost = { term, signal: controller.signal, setExitCode: (c) => (code = c) }
  const program = buildProgram(host)
  try {
    if (argv.length === 0) {
      program.outputHelp()
      return EXIT.ok
    }
    await program.parseAsync(argv, { from: 'user' })
    return code
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error)
    if (controller.signal.aborted && !(error instanceof Error && error.name === 'CliError')) {
      term.stderr.write('interrupted\n')
      return EXIT.interrupted
    }
    const { reportError } = await import('./errors/report-error')
    return reportError(error, term, argv.includes('--debug'), host.secrets)
  } finally {
    stopSignals()
  }
}

// Help and --version are successes; every other parser complaint (already printed) is a usage error.
function commanderExit(error: CommanderError): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok
  return EXIT.usage
}

// First Ctrl-C: abort the running command (long-running ones end cleanly); a second one exits at once.
// `stop` aborts it the same way, without the second step.
function onInterrupt(controller: AbortController, stop: AbortSignal | undefined): () => void {
  const first = () => {
    process.off('SIGINT', first)
    process.off('SIGTERM', first)
    process.once('SIGINT', () => process.exit(EXIT.interrupted))
    controller.abort()
  }
  const stopped = () => controller.abort()
  process.on('SIGINT', first)
  process.on('SIGTERM', first)
  if (stop?.aborted) stopped()
  else stop?.addEventListener('abort', stopped)
  return () => {
    process.off('SIGINT', first)
    process.off('SIGTERM', first)
    stop?.removeEventListener('abort', stopped)
  }
}
