import { AmigoClient, type WorkspaceEvent } from '@amigo-ai/platform-sdk'
import type { CommandContext } from '../context'
import { countOption } from '../count-option'
import { resolveCredentials } from '../credentials/resolve-credentials'
import { CliError, usageError } from '../errors/cli-error'
import { describeError } from '../errors/describe-error'
import { eventJsonLine, eventLine } from '../events/format-event'
import { idleWatch } from '../events/idle-watch'
import { typeFilter } from '../events/type-filter'
import { EXIT } from '../exit-codes'
import { MAX_TIMER_MS } from '../max-timer'
import { secondsOption } from '../seconds-option'

interface TailOptions {
  type: string[]
  json?: boolean
  since?: string
  retryDelay: string
  idleTimeout?: string
  maxReconnects: string
}

/**
 * `amigo events tail`: the workspace event stream, one line per event, until Ctrl-C. The SDK's
 * subscription reconnects after drops and resumes from the last event id, so nothing is lost or
 * printed twice. Ctrl-C is the normal way to stop, so it exits 0; `--idle-timeout` passing without
 * an event is a failure (exit 1), as a script waiting for one needs to know.
 */
export default async function eventsTail(ctx: CommandContext, opts: TailOptions): Promise<number> {
  const accept = typeFilter(opts.type)
  const { retryMs, idleMs, maxReconnects } = limits(opts)
  const creds = await resolveCredentials(ctx)
  const client = new AmigoClient({
    apiKey: creds.apiKey,
    workspaceId: creds.workspaceId,
    baseUrl: creds.baseUrl,
  })
  const { output } = ctx
  const asJson = opts.json === true || !output.interactive
  const dim = output.errColor.dim
  let failure: unknown
  const watch = idleWatch(output, {
    filtered: opts.type.length > 0,
    ...(idleMs !== undefined ? { timeoutMs: idleMs } : {}),
    onIdle: (message) => {
      failure = new CliError(message)
      subscription.unsubscribe()
    },
  })
  const subscription = client.events.subscribeToWorkspace({
    getToken: typeof creds.apiKey === 'string' ? () => creds.apiKey as string : creds.apiKey,
    signal: ctx.signal,
    initialDelayMs: retryMs,
    maxReconnects,
    ...(opts.since ? { lastEventId: opts.since } : {}),
    onOpen: ({ reconnects, resumedFrom }) => {
      watch.opened()
      if (reconnects === 0)
        output.info(dim(`Listening for events in workspace ${creds.workspaceId} (Ctrl-C to stop)`))
      else output.info(dim(`Reconnected${resumedFrom ? `, resuming after event ${resumedFrom}` : ''}`))
    },
    onReconnect: (attempt, { delayMs, error }) => {
      watch.dropped()
      // Why, so that a stream that never connects (a wrong URL, a proxy's HTML page) says so at once.
      const why = error === undefined ? '' : ` (${describeError(error).message})`
      output.info(
        dim(`Connection lost${why}; reconnecting in ${Math.round(delayMs)} ms (attempt ${attempt})`),
      )
    },
    onEvent: (event: WorkspaceEvent, { id }) => {
      const { event_type: type, ...data } = event as { event_type: string } & Record<string, unknown>
      if (!accept(type)) return
      watch.event()
      const printed = { ...(id !== undefined ? { id } : {}), type, data }
      output.print(asJson ? eventJsonLine(printed) : eventLine(printed, output.color))
    },
    onError: (error) => {
      failure = error
    },
  })
  await subscription.done.finally(() => watch.stop())
  if (failure !== undefined) throw failure
  return EXIT.ok
}

/** The numeric options, checked before anything is sent. */
function limits(opts: TailOptions) {
  return {
    retryMs: retryDelay(opts.retryDelay),
    idleMs:
      opts.idleTimeout === undefined ? undefined : secondsOption('--idle-timeout', opts.idleTimeout, '300'),
    maxReconnects: countOption('--max-reconnects', opts.maxReconnects, 0, 3),
  }
}

function retryDelay(value: string): number {
  const ms = value.trim() === '' ? Number.NaN : Number(value)
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_TIMER_MS)
    throw usageError(`--retry-delay must be whole milliseconds, at most ${MAX_TIMER_MS}`)
  return ms
}
