import type { MockPlatform } from '@amigo-ai/platform-mock'
import type { CommandContext } from '../context'
import { countOption } from '../count-option'
import { usageError } from '../errors/cli-error'
import { EXIT } from '../exit-codes'
import { secondsOption } from '../seconds-option'

interface MockOptions {
  port: string
  seed: string
  simulate?: string
}

/**
 * `amigo mock`: the local platform (`@amigo-ai/platform-mock`, loaded only here) until Ctrl-C, which
 * is how it is meant to stop, so it exits 0. Prints the environment that points the CLI and the SDK
 * at it; the API key it prints belongs to this throwaway local platform only.
 */
export default async function mock(ctx: CommandContext, opts: MockOptions): Promise<number> {
  const port = countOption('--port', opts.port, 0, 4010, 65_535)
  const seed = countOption('--seed', opts.seed, 0, 1, 2 ** 31)
  const everyMs = opts.simulate === undefined ? undefined : secondsOption('--simulate', opts.simulate, '5')
  const { startMockPlatform } = await import('@amigo-ai/platform-mock')
  const platform = await startMockPlatform({ port, seed, maxRecordedRequests: 1000 }).catch((error) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw usageError(`port ${port} is in use`, 'pick another with --port, or --port 0 for any free one')
    throw error
  })
  const { output } = ctx
  const c = output.color
  output.info(`Amigo platform mock listening on ${c.bold(platform.url)}`)
  output.print(`export AMIGO_BASE_URL=${platform.url}`)
  output.print(`export AMIGO_API_KEY=${platform.apiKey}`)
  output.print(`export AMIGO_WORKSPACE_ID=${platform.workspaceId}`)
  output.info(c.dim(`Or sign in: amigo login --base-url ${platform.url} (approve on the page it opens)`))
  output.info(c.dim('Ctrl-C to stop'))
  const timer = everyMs === undefined ? undefined : setInterval(simulator(platform, output), everyMs)
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) resolve()
    else ctx.signal.addEventListener('abort', () => resolve(), { once: true })
  })
  if (timer) clearInterval(timer)
  await platform.close()
  output.info('Stopped')
  return EXIT.ok
}

/**
 * One `--simulate` tick. The mock refuses a call it cannot place (say, every service of the sample
 * workspace was deleted through the API): that is said once on stderr, and again only after a call
 * went through, while the mock keeps serving instead of dying on an uncaught error in a timer.
 */
function simulator(platform: MockPlatform, output: CommandContext['output']): () => void {
  let reported: string | undefined
  return () => {
    try {
      platform.simulateCall({ durationMs: 2_000 })
      reported = undefined
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (message !== reported) output.info(`--simulate: no call placed: ${message}`)
      reported = message
    }
  }
}
