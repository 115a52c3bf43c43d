import { HttpError, type MockCore, type Registry, STREAMED } from '../http/types'
import { SseWriter } from '../realtime/sse'

/** The workspace event stream: `retry:` first, integer ids, type in `event:`, replay after `Last-Event-ID`. */
export function registerEvents(reg: Registry, core: MockCore): void {
  const open = new Map<string, number>()
  reg.on('GET', '/v1/{workspace_id}/events/stream', (ctx) => {
    const ws = ctx.path.workspace_id as string
    if (ctx.principal?.kind === 'external_user')
      throw new HttpError(403, { detail: 'not allowed for external_user tokens' })
    const sse = new SseWriter(ctx.res, ctx.fault?.sseDropEvery)
    sse.open({ 'x-request-id': ctx.requestId })
    // HEAD (routed here as GET) can carry no event: the headers, and no stream slot held for it.
    if (ctx.req.method === 'HEAD') {
      sse.end()
      return STREAMED
    }
    const count = open.get(ws) ?? 0
    if (count >= core.options.maxStreamsPerWorkspace) {
      // Structured, terminal error frame: the client must not reconnect.
      sse.event('error', {
        code: 'too_many_streams',
        message: `at most ${core.options.maxStreamsPerWorkspace} concurrent event streams per workspace`,
        max_streams: core.options.maxStreamsPerWorkspace,
        retryable: false,
      })
      sse.end()
      return STREAMED
    }
    open.set(ws, count + 1)
    sse.retry(core.options.sseRetryMs)
    const lastHeader = ctx.headers['last-event-id']
    const raw = Array.isArray(lastHeader) ? lastHeader[0] : (lastHeader ?? ctx.query.last_event_id)
    // Ids start at 1, so 0 asks for every buffered event; an empty value (Number('') is 0) is none.
    const last = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN
    const send = (e: { id: number; type: string; data: Record<string, unknown> }) => {
      // The event type travels in the `event:` line only; the JSON body does not repeat it.
      const { event_type: _omit, ...data } = e.data
      return sse.event(e.type, data, e.id)
    }
    if (Number.isFinite(last) && last >= 0) {
      for (const e of core.events.since(ws, last)) if (!send(e)) break
    }
    const unsubscribe = core.events.subscribe((e) => {
      if (e.workspaceId === ws) send(e)
    })
    const heartbeat = setInterval(() => sse.comment('keep-alive'), core.options.sseHeartbeatMs)
    ctx.res.on('close', () => {
      unsubscribe()
      clearInterval(heartbeat)
      open.set(ws, Math.max(0, (open.get(ws) ?? 1) - 1))
    })
    return STREAMED
  })
}
