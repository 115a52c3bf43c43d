import { AmigoClient, type WorkspaceEvent } from '@amigo-ai/platform-sdk'
import type { CommandContext } from '../context'
import { resolveCredentials } from '../credentials/resolve-credentials'
import { usageError } from '../errors/cli-error'
import { eventJsonLine, eventLine } from '../events/format-event'
import { typeFilter } from '../events/type-filter'
import { EXIT } from '../exit-codes'
import { MAX_TIMER_MS } from '../max-timer'

interface TailOptions {
  type: string[]
  json?: boolean
  since?: string
  retryDelay: string
}

/**
 * `amigo events tail`: the workspace event stream, one line per event, until Ctrl-C. The SDK's
 * subscription reconnects after drops and resumes from the last event id, so nothing is lost or
 * printed twice. Ctrl-C is the normal way to stop, so it exits 0.
 */
export default async function eventsTail(ctx: CommandContext, opts: TailOptions): Promise<number> {
  const accept = typeFilter(opts.type)
  const retryMs = opts.retryDelay.trim() === '' ? Number.NaN : Number(opts.retryDelay)
  if (!Number.isInteger(retryMs) || retryMs < 0 || retryMs > MAX_TIMER_MS)
    throw usageError(`--retry-delay must be whole milliseconds, at most ${MAX_TIMER_MS}`)
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
  const subscription = client.events.subscribeToWorkspace({
    getToken: typeof creds.apiKey === 'string' ? () => creds.apiKey as string : creds.apiKey,
    signal: ctx.signal,
    initialDelayMs: retryMs,
    ...(opts.since ? { lastEventId: opts.since } : {}),
    onOpen: ({ reconnects, resumedFrom }) => {
      if (reconnects === 0)
        output.info(dim(`Listening for events in workspace ${creds.workspaceId} (Ctrl-C to stop)`))
      else output.info(dim(`Reconnected${resumedFrom ? `, resuming after event ${resumedFrom}` : ''}`))
    },
    onReconnect: (attempt, { delayMs }) =>
      output.info(dim(`Connection lost; reconnecting in ${Math.round(delayMs)} ms (attempt ${attempt})`)),
    onEvent: (event: WorkspaceEvent, { id }) => {
      const { event_type: type, ...data } = event as { event_type: string } & Record<string, unknown>
      if (!accept(type)) return
      const printed = { ...(id !== undefined ? { id } : {}), type, data }
      output.print(asJson ? eventJsonLine(printed) : eventLine(printed, output.color))
    },
    onError: (error) => {
      failure = error
    },
  })
  await subscription.done
  if (failure !== undefined) throw failure
  return EXIT.ok
}
