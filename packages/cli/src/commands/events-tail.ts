import { MAX_TIMER_MS } from '@amigo-ai/core'
import {
  AmigoClient,
  type ReconnectInfo,
  type StreamOpenInfo,
  type WorkspaceEvent,
} from '@amigo-ai/platform-sdk'
import type { CommandContext } from '../context'
import { countOption } from '../count-option'
import { readCredentials } from '../credentials/read-credentials'
import { checkCredentials } from '../credentials/resolve-credentials'
import { CliError, usageError } from '../errors/cli-error'
import { describeError } from '../errors/describe-error'
import { eventJsonLine, eventLine } from '../events/format-event'
import { type IdleWatch, idleWatch } from '../events/idle-watch'
import { streamGaveUp } from '../events/stream-gave-up'
import { typeFilter } from '../events/type-filter'
import { EXIT } from '../exit-codes'
import type { Output } from '../io/output'
import { readerGone } from '../io/reader-gone'
import { secondsOption } from '../seconds-option'

interface TailOptions {
  type: string[]
  json?: boolean
  since?: string
  retryDelay: string
  idleTimeout?: string
  maxReconnects: string
  maxEvents?: string
}

/**
 * `amigo events tail`: the workspace event stream, one line per event, until Ctrl-C or `--max-events`
 * printed. The SDK's subscription reconnects after drops and resumes from the last event id, so
 * nothing is lost or printed twice. Ctrl-C and `--max-events` are normal ways to stop, so they exit
 * 0; `--idle-timeout` passing without an event is a failure (exit 1), as a script waiting for one
 * needs to know.
 */
export default async function eventsTail(ctx: CommandContext, opts: TailOptions): Promise<number> {
  // Read first, so that the secrets in them are known: a usage error below may quote a value.
  const known = await readCredentials(ctx)
  const accept = typeFilter(opts.type)
  const { retryMs, idleMs, maxReconnects, maxEvents } = limits(opts)
  if (opts.since !== undefined) checkSince(opts.since)
  const creds = checkCredentials(ctx, known)
  const client = new AmigoClient({
    apiKey: creds.apiKey,
    workspaceId: creds.workspaceId,
    baseUrl: creds.baseUrl,
  })
  const { output } = ctx
  const asJson = opts.json === true || !output.interactive
  let failure: unknown
  let printed = 0
  const watch = idleWatch(output, {
    filtered: opts.type.length > 0,
    ...(idleMs !== undefined ? { timeoutMs: idleMs } : {}),
    onIdle: (message) => {
      // A reader that has gone is the end of the output, not a failure (as an EPIPE is in cli.ts).
      if (!readerGone(ctx.term.stdout)) failure = new CliError(message)
      subscription.unsubscribe()
    },
  })
  const subscription = client.events.subscribeToWorkspace({
    getToken: typeof creds.apiKey === 'string' ? () => creds.apiKey as string : creds.apiKey,
    signal: ctx.signal,
    initialDelayMs: retryMs,
    maxReconnects,
    ...(opts.since ? { lastEventId: opts.since } : {}),
    ...connectionNotes(output, creds.workspaceId, watch, maxEvents),
    onEvent: (event: WorkspaceEvent, { id }) => {
      const { event_type: type, ...data } = event as { event_type: string } & Record<string, unknown>
      if (!accept(type)) return
      watch.event()
      const line = { ...(id !== undefined ? { id } : {}), type, data }
      output.print(asJson ? eventJsonLine(line, output.interactive) : eventLine(line, output.color))
      if (++printed !== maxEvents) return
      // Done: no idle timeout may fail it while the stream closes. Delivery stops at once, even
      // within a chunk; `done` resolves once the connection is closed.
      watch.stop()
      subscription.unsubscribe()
    },
    onError: (error) => {
      failure = streamGaveUp(error, maxReconnects)
    },
  })
  await subscription.done.finally(() => watch.stop())
  if (failure !== undefined) throw failure
  return EXIT.ok
}

/** The notes on stderr when a connection opens or drops (stdout carries only events). */
function connectionNotes(output: Output, workspaceId: string, watch: IdleWatch, maxEvents?: number) {
  const dim = output.errColor.dim
  const until = maxEvents === undefined ? 'Ctrl-C to stop' : `until ${maxEvents} printed, or Ctrl-C`
  return {
    onOpen: ({ reconnects, resumedFrom }: StreamOpenInfo) => {
      watch.opened()
      if (reconnects === 0) output.info(dim(`Listening for events in workspace ${workspaceId} (${until})`))
      else output.info(dim(`Reconnected${resumedFrom ? `, resuming after event ${resumedFrom}` : ''}`))
    },
    onReconnect: (attempt: number, { delayMs, error }: ReconnectInfo) => {
      watch.dropped()
      // Why, so that a stream that never connects (a wrong URL, a proxy's HTML page) says so at once.
      const why = error === undefined ? '' : ` (${describeError(error).message})`
      output.info(
        dim(`Connection lost${why}; reconnecting in ${Math.round(delayMs)} ms (attempt ${attempt})`),
      )
    },
  }
}

/** The numeric options, checked before anything is sent. */
function limits(opts: TailOptions) {
  return {
    retryMs: countOption('--retry-delay', opts.retryDelay, 0, 1000, MAX_TIMER_MS),
    idleMs:
      opts.idleTimeout === undefined ? undefined : secondsOption('--idle-timeout', opts.idleTimeout, '300'),
    maxReconnects: countOption('--max-reconnects', opts.maxReconnects, 0, 3),
    maxEvents: opts.maxEvents === undefined ? undefined : countOption('--max-events', opts.maxEvents, 1, 1),
  }
}

/**
 * `--since` travels as the Last-Event-ID header, which holds only Latin-1 text on one line: checked
 * here, where the option's name is known (the SDK names its own, lastEventId).
 */
function checkSince(since: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL and line breaks are what it refuses
  if (/[^\x00-\xff]|[\0\r\n]/.test(since))
    throw usageError(
      '--since must be an event id: Latin-1 text without line breaks',
      'the id of an event printed earlier (the "id" of a JSON line)',
    )
}
