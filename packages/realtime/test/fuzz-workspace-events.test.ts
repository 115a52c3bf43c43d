// Property-based tests of the workspace event stream's input: the bytes of a `text/event-stream`
// body. Generated frames (ids, catalogue types, unicode JSON, multi-line data, comments, `retry:`,
// LF/CRLF/CR endings) are cut into arbitrary chunks (single bytes, inside UTF-8 characters and CRLF
// pairs) and dropped at arbitrary points; every event must still arrive exactly once, in order, with
// the data sent. Garbage must be skipped or reported as the README says, never crash or hang.
import type { ServerResponse } from 'node:http'
import { type RecordedRequest, sse } from '@amigo-ai/test-server'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  isWorkspaceEventStreamError,
  readServerSentEvents,
  type ServerSentEvent,
  SseFrameTooLargeError,
  subscribeToWorkspaceEvents,
  type WorkspaceEventMeta,
  type WorkspaceSSEEventType,
} from '../src/index'
import { eventStreamServer } from './helpers'

const TYPES: WorkspaceSSEEventType[] = [
  'call.ended',
  'call.escalated',
  'call.started',
  'channel.email_bounced',
  'channel.voicemail_status',
  'encounter.updated',
  'operator.joined_call',
  'operator.wrap_up',
  'pipeline.error',
  'review.submitted',
  'self_image.brief_generated',
  'simulation.turn_stored',
  'surface.created',
  'surface.review_rejected',
  'text.completed',
  'trigger.failed',
  'workspace.member_role_updated',
]

// ---- lines, endings and chunks ------------------------------------------------------------------

type Ending = '\n' | '\r\n' | '\r'
const endingArb = fc.constantFrom<Ending>('\n', '\r\n', '\r')

/**
 * Joins lines with the generated endings. A bare CR followed by an empty line ending in LF would
 * read as one CRLF (the empty line would vanish), so that one combination gets a CRLF instead.
 */
function joinLines(lines: string[], endings: Ending[]): string {
  let out = ''
  let previous: Ending | undefined
  lines.forEach((line, i) => {
    let ending = endings[i % endings.length] as Ending
    if (line === '' && previous === '\r' && ending === '\n') ending = '\r\n'
    out += line + ending
    previous = ending
  })
  return out
}

/** `field: value`, or `field:value` when that reads the same (a leading space is stripped once). */
const field = (name: string, value: string, tight: boolean) =>
  tight && !value.startsWith(' ') ? `${name}:${value}` : `${name}: ${value}`

/** Splits `bytes` into pieces of the given sizes, cycling through them. */
function cut(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const out: Uint8Array[] = []
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const n = sizes[k % sizes.length] as number
    out.push(bytes.subarray(at, at + n))
    at += n
  }
  return out
}

// Mostly tiny pieces (single bytes split every UTF-8 character and CRLF pair), sometimes larger ones.
const chunkSizesArb = fc.oneof(
  fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }),
  fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 6 }),
)

/** The response with its body re-cut into `sizes` pieces, whatever the network made of it. */
function rechunked(response: Response, sizes: number[]): Response {
  if (!response.body) return response
  const reader = response.body.getReader()
  let rest = new Uint8Array(0)
  let k = 0
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (rest.length === 0) {
          const { done, value } = await reader.read()
          if (done) return controller.close()
          rest = value
        }
        const n = sizes[k++ % sizes.length] as number
        controller.enqueue(rest.subarray(0, n))
        rest = rest.subarray(n)
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  )
  return new Response(body, { status: response.status, headers: response.headers })
}

// ---- the SSE parser: frames of any text -----------------------------------------------------------

/** Text a field can carry: anything but CR and LF (and NUL, which makes an `id:` be ignored). */
const fieldText = (maxLength: number) =>
  fc.string({ unit: 'grapheme', maxLength }).map((s) => s.replace(/[\r\n\0]/g, ''))

interface RawFrame {
  id?: string
  event?: string
  dataLines: string[]
  comments: string[]
  retry?: number
  tight: boolean
}

const rawFrameArb: fc.Arbitrary<RawFrame> = fc.record(
  {
    id: fieldText(12),
    event: fieldText(12).filter((e) => e !== ''),
    dataLines: fc.array(fieldText(40), { maxLength: 4 }),
    comments: fc.array(fieldText(12), { maxLength: 2 }),
    retry: fc.nat(100_000),
    tight: fc.boolean(),
  },
  { requiredKeys: ['dataLines', 'comments', 'tight'] },
)

/** The lines of a frame (without its terminating blank line): fields first, data lines in order. */
function rawFrameLines(f: RawFrame): string[] {
  const lines = f.comments.map((c) => `:${c}`)
  if (f.id !== undefined) lines.push(field('id', f.id, f.tight))
  if (f.retry !== undefined) lines.push(field('retry', String(f.retry), f.tight))
  if (f.event !== undefined) lines.push(field('event', f.event, f.tight))
  for (const d of f.dataLines) lines.push(field('data', d, f.tight))
  return lines
}

/** What the parser reports for a frame: nothing without a data line. */
const expectedMessage = (f: RawFrame): ServerSentEvent[] =>
  f.dataLines.length ? [{ id: f.id, event: f.event, data: f.dataLines.join('\n') }] : []

/**
 * A body whose pieces are handed out one read at a time; `drained` resolves when the reader asks for
 * more after the last one (everything readable has been read), while the stream stays open.
 */
function openBody(pieces: Uint8Array[]) {
  let i = 0
  let drained!: () => void
  const whenDrained = new Promise<void>((resolve) => {
    drained = resolve
  })
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (i < pieces.length) controller.enqueue(pieces[i++] as Uint8Array)
        else drained()
      },
    },
    { highWaterMark: 0 },
  )
  return { body, whenDrained }
}

const closedBody = (pieces: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of pieces) controller.enqueue(p)
      controller.close()
    },
  })

describe('readServerSentEvents, fuzzed', () => {
  it('delivers every frame once, with its id, event and data, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rawFrameArb, { maxLength: 8 }),
        fc.array(endingArb, { minLength: 1, maxLength: 5 }),
        chunkSizesArb,
        fc.record({ bom: fc.boolean(), open: fc.boolean(), partial: fc.boolean() }),
        async (frames, endings, sizes, { bom, open, partial }) => {
          const lines = frames.flatMap((f) => [...rawFrameLines(f), ''])
          // A frame cut off by the end of what was sent is never delivered.
          let text = (bom ? '\uFEFF' : '') + joinLines(lines, endings)
          if (text.endsWith('\r')) text += '\n'
          if (partial) text += 'data: cut off'
          const pieces = cut(new TextEncoder().encode(text), sizes)
          // The biggest frame sits exactly at the limit (the partial frame is 13 characters).
          const maxFrameBytes = Math.max(16, ...frameSizes(frames, endings))
          const retries: number[] = []
          const comments: string[] = []
          const got: ServerSentEvent[] = []
          const controller = new AbortController()
          const source = open ? openBody(pieces) : { body: closedBody(pieces), whenDrained: undefined }
          source.whenDrained?.then(() => controller.abort())
          for await (const m of readServerSentEvents(source.body, {
            maxFrameBytes,
            signal: controller.signal,
            onRetry: (ms) => retries.push(ms),
            onComment: (c) => comments.push(c),
          }))
            got.push(m)
          expect(got).toEqual(frames.flatMap(expectedMessage))
          expect(retries).toEqual(frames.flatMap((f) => (f.retry === undefined ? [] : [f.retry])))
          expect(comments).toEqual(frames.flatMap((f) => f.comments.map((c) => c.replace(/^ /, ''))))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('a frame growing past maxFrameBytes unterminated throws SseFrameTooLargeError after the frames before it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rawFrameArb, { maxLength: 4 }),
        fc.array(endingArb, { minLength: 1, maxLength: 5 }),
        chunkSizesArb,
        fc.integer({ min: 1, max: 200 }),
        fc.boolean(),
        async (frames, endings, sizes, over, open) => {
          const lines = frames.flatMap((f) => [...rawFrameLines(f), ''])
          const maxFrameBytes = Math.max(64, ...frameSizes(frames, endings))
          const text = `${joinLines(lines, endings)}data: ${'x'.repeat(maxFrameBytes - 6 + over)}`
          const pieces = cut(new TextEncoder().encode(text), sizes)
          const got: ServerSentEvent[] = []
          const body = open ? openBody(pieces).body : closedBody(pieces)
          const error = await (async () => {
            for await (const m of readServerSentEvents(body, { maxFrameBytes })) got.push(m)
          })().catch((e: unknown) => e)
          expect(SseFrameTooLargeError.isInstance(error)).toBe(true)
          expect((error as SseFrameTooLargeError).limit).toBe(maxFrameBytes)
          expect((error as Error).message).toContain(String(maxFrameBytes))
          expect(got).toEqual(frames.flatMap(expectedMessage))
        },
      ),
      { numRuns: 200 },
    )
  })
})

/** Characters of each frame as sent, without its terminating blank line (what the limit counts). */
function frameSizes(frames: RawFrame[], endings: Ending[]): number[] {
  let line = 0
  return frames.map((f) => {
    const lines = rawFrameLines(f)
    const rotated = lines.map((_, i) => endings[(line + i) % endings.length] as Ending)
    line += lines.length + 1
    return joinLines(lines, rotated).length
  })
}

// ---- the workspace event stream over a loopback server --------------------------------------------

const TOKEN = 'tok-FUZZ-SECRET-4242'

// A failing run waits out receive()'s timeout, and shrinking runs many: stop within the test's time
// and report the smallest failure found so far.
const bounded = { interruptAfterTimeLimit: 15_000, markInterruptAsFailure: true }

/** One frame of the event log as the server writes it; `expected` is set for a deliverable event. */
interface LogFrame {
  id?: string
  text: string
  expected?: Record<string, unknown>
}

const jsonKey = fc.string({ unit: 'binary', maxLength: 8 }).filter((k) => k !== '__proto__')
const payloadArb = fc.dictionary(jsonKey, fc.jsonValue({ stringUnit: 'binary', maxDepth: 2 }), {
  maxKeys: 4,
  noNullPrototype: true,
})

interface EventSpec {
  type: WorkspaceSSEEventType
  payload: Record<string, unknown>
  /** The type in the JSON's `event_type` instead of an `event:` line. */
  typeInJson: boolean
  indent: 0 | 1 | 2 | '\t'
  /** Lines placed among the data lines (keep-alive comments, `retry:`), each with its position. */
  extras: [string, number][]
  tight: boolean
  /** Shares the id of the event before (several events per millisecond). */
  sameId: boolean
}

const extraLineArb = fc.tuple(
  fc.oneof(
    fieldText(10).map((c) => `:${c}`),
    fc.integer({ min: 0, max: 200 }).map((ms) => `retry: ${ms}`),
  ),
  fc.nat(20),
)

const eventSpecArb: fc.Arbitrary<EventSpec> = fc.record({
  type: fc.constantFrom(...TYPES),
  payload: payloadArb,
  typeInJson: fc.boolean(),
  indent: fc.constantFrom<EventSpec['indent']>(0, 0, 1, 2, '\t'),
  extras: fc.array(extraLineArb, { maxLength: 2 }),
  tight: fc.boolean(),
  sameId: fc.boolean(),
})

/** The lines of one event frame; the JSON carries `seq`, so events sharing an id still differ. */
function eventLines(spec: EventSpec, id: string, seq: number): { lines: string[]; data: string } {
  const body = { ...spec.payload, seq, ...(spec.typeInJson ? { event_type: spec.type } : {}) }
  const data = JSON.stringify(body, null, spec.indent)
  const lines = data.split('\n').map((l) => field('data', l, spec.tight))
  for (const [extra, at] of spec.extras) lines.splice(at % (lines.length + 1), 0, extra)
  lines.unshift(field('id', id, spec.tight))
  if (!spec.typeInJson) lines.splice(1, 0, field('event', spec.type, spec.tight))
  return { lines: [...lines, ''], data }
}

/** A log of events with epoch-millisecond ids, several sometimes sharing one. */
function eventLog(specs: EventSpec[], endings: Ending[]): LogFrame[] {
  let ms = 1_700_000_000_000
  return specs.map((spec, seq) => {
    if (seq > 0 && !spec.sameId) ms += 1
    const id = String(ms)
    const { lines, data } = eventLines(spec, id, seq)
    const expected = { ...JSON.parse(data), event_type: spec.type }
    return { id, text: joinLines(lines, endings), expected }
  })
}

/**
 * How the server treats each connection: where it drops it (a fraction of what it would send, then
 * a reset or a clean end), and how far before `Last-Event-ID` it starts its replay.
 */
interface ServerPlan {
  drops: { at: number; style: 'destroy' | 'end' }[]
  /** Replay starts this many frames before the first one carrying `Last-Event-ID` (it included). */
  overlap: number
  retry?: number
  sizes: number[]
}

const serverPlanArb: fc.Arbitrary<ServerPlan> = fc.record(
  {
    drops: fc.array(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        style: fc.constantFrom<'destroy' | 'end'>('destroy', 'end'),
      }),
      { maxLength: 3 },
    ),
    overlap: fc.nat(3),
    retry: fc.nat(300),
    sizes: fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 4 }),
  },
  { requiredKeys: ['drops', 'overlap', 'sizes'] },
)

/** Where a connection resuming after `lastId` starts: at the first frame with that id, less `overlap`. */
function replayStart(log: LogFrame[], lastId: string | undefined, overlap: number): number {
  if (lastId === undefined) return 0
  // Never -1 here: the client only resumes from ids it was sent.
  return Math.max(0, log.findIndex((f) => f.id === lastId) - overlap)
}

/**
 * A handler replaying `log` from each request's `Last-Event-ID`, dropping connections as `plan`
 * says; `firstOnly` frames go out on the first connection only (before the frame of that index).
 * A connection not dropped stays open after its last frame.
 */
function replayHandler(log: LogFrame[], plan: ServerPlan, { firstOnly = new Map<number, string>() } = {}) {
  let connection = 0
  return (req: RecordedRequest, res: ServerResponse) => {
    const header = req.headers['last-event-id']
    const start = replayStart(log, typeof header === 'string' ? header : undefined, plan.overlap)
    const first = connection === 0
    const drop = plan.drops[connection++]
    const writer = sse(res)
    let text = plan.retry === undefined ? '' : `retry: ${plan.retry}\n\n`
    for (let i = start; i <= log.length; i++)
      text += (first ? (firstOnly.get(i) ?? '') : '') + (log[i]?.text ?? '')
    let bytes: Uint8Array = new TextEncoder().encode(text)
    if (drop) bytes = bytes.subarray(0, Math.floor(drop.at * bytes.length))
    for (const piece of cut(bytes, plan.sizes)) res.write(piece)
    if (drop?.style === 'end') writer.end()
    else if (drop) writer.destroy()
  }
}

interface Received {
  events: { event: unknown; id: string | undefined }[]
  errors: unknown[]
  reconnectErrors: unknown[]
  /** The id of the newest event delivered when each request arrived (what it must resume from). */
  resumeExpected: (string | undefined)[]
  requests: RecordedRequest[]
  timedOut: boolean
}

/**
 * Subscribes to a loopback server running `handler`, with every response body re-cut into `sizes`
 * pieces, until `stopAfter` events arrived, the stream ended, or 2 s passed.
 */
async function receive(
  handler: (req: RecordedRequest, res: ServerResponse) => void,
  sizes: number[],
  stopAfter: number,
  options: { maxFrameBytes?: number; maxReconnects?: number } = {},
): Promise<Received> {
  const got: Received = {
    events: [],
    errors: [],
    reconnectErrors: [],
    resumeExpected: [],
    requests: [],
    timedOut: false,
  }
  const server = await eventStreamServer((req, res) => {
    got.resumeExpected.push(got.events.at(-1)?.id)
    return handler(req, res)
  })
  got.requests = server.requests
  const sub = subscribeToWorkspaceEvents({
    baseUrl: server.url,
    workspaceId: 'ws-1',
    token: TOKEN,
    initialDelayMs: 1,
    maxDelayMs: 5,
    maxReconnects: options.maxReconnects ?? 20,
    maxFrameBytes: options.maxFrameBytes,
    fetch: async (url, init) => rechunked(await fetch(url, init), sizes),
    onEvent: (event, meta: WorkspaceEventMeta) => {
      got.events.push({ event, id: meta.id })
      if (got.events.length >= stopAfter) sub.unsubscribe()
    },
    onError: (e) => got.errors.push(e),
    onReconnect: (_attempt, info) => got.reconnectErrors.push(info.error),
  })
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      got.timedOut = true
      resolve()
    }, 2000)
  })
  await Promise.race([sub.done, timeout])
  clearTimeout(timer)
  sub.unsubscribe()
  await sub.done
  return got
}

const deliverable = (log: LogFrame[]) =>
  log.flatMap((f) => (f.expected ? [{ event: f.expected, id: f.id }] : []))

describe('subscribeToWorkspaceEvents, fuzzed over a loopback server', () => {
  it('delivers every event exactly once, in order, with its data, across chunking, drops and replays', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventSpecArb, { minLength: 1, maxLength: 12 }),
        fc.array(endingArb, { minLength: 1, maxLength: 5 }),
        serverPlanArb,
        chunkSizesArb,
        async (specs, endings, plan, sizes) => {
          const log = eventLog(specs, endings)
          const got = await receive(replayHandler(log, plan), sizes, log.length)
          expect(got.timedOut).toBe(false)
          expect(got.errors).toEqual([])
          expect(got.events).toEqual(deliverable(log))
          // Every reconnect resumed from the newest id delivered before it.
          expect(got.requests.map((r) => r.headers['last-event-id'])).toEqual(got.resumeExpected)
        },
      ),
      { numRuns: 40, ...bounded },
    )
  })

  it('skips garbage frames (not JSON, JSON that is not an event) and accepts frames up to maxFrameBytes', async () => {
    const garbageData = fc
      .oneof(
        fieldText(60),
        fc
          .jsonValue()
          .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
          .map((v) => JSON.stringify(v)),
        fc
          .dictionary(
            jsonKey.filter((k) => k !== 'event_type'),
            fc.jsonValue(),
            { maxKeys: 3 },
          )
          .map((o) => JSON.stringify(o)),
        fc.integer({ min: 100, max: 300 }).map((n) => `"${'g'.repeat(n)}"`),
      )
      .filter((d) => d.length <= 300)
    const garbageArb = fc.record({
      data: garbageData,
      // An `event:` line makes any JSON object an event; garbage objects come without one.
      event: fc.option(fc.constantFrom(...TYPES), { nil: undefined }),
      withId: fc.boolean(),
    })
    const itemArb = fc.oneof(
      eventSpecArb.map((spec) => ({ spec })),
      garbageArb.map((garbage) => ({ garbage })),
      // An event exactly as large as the limit allows.
      fc.constantFrom(...TYPES).map((big) => ({ big })),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(itemArb, { minLength: 1, maxLength: 10 }),
        eventSpecArb,
        fc.array(endingArb, { minLength: 1, maxLength: 5 }),
        serverPlanArb,
        chunkSizesArb,
        async (items, last, endings, plan, sizes) => {
          // A last event, so that the test knows when everything has arrived.
          const all = [...items, { spec: last }]
          const ids = all.map((_, seq) => String(1_700_000_000_001 + seq))
          const built = all.map((item, seq) => {
            const id = ids[seq] as string
            if ('spec' in item) {
              const { lines, data } = eventLines({ ...item.spec, sameId: false }, id, seq)
              const expected = { ...JSON.parse(data), event_type: item.spec.type }
              return { frame: { id, text: joinLines(lines, endings), expected }, lines }
            }
            if ('big' in item) return undefined
            const { data, event, withId } = item.garbage
            const lines = data.split('\n').map((l) => field('data', l, false))
            if (event !== undefined && !isJsonObject(data)) lines.unshift(field('event', event, false))
            if (withId) lines.unshift(field('id', id, false))
            lines.push('')
            return { frame: { id: withId ? id : undefined, text: joinLines(lines, endings) }, lines }
          })
          // The limit is the largest generated frame (at least 400); the big events sit exactly at it.
          const maxFrameBytes = Math.max(
            400,
            ...built.map((b) => (b ? joinLines(b.lines.slice(0, -1), endings).length : 0)),
          )
          const log: LogFrame[] = all.map((item, seq) => {
            if (!('big' in item)) return (built[seq] as { frame: LogFrame }).frame
            const id = ids[seq] as string
            const head = `id: ${id}\nevent: ${item.big}\n`
            const filler = 'b'.repeat(maxFrameBytes - head.length - `data: {"seq":${seq},"f":""}\n`.length)
            const data = JSON.stringify({ seq, f: filler })
            expect(head.length + `data: ${data}\n`.length).toBe(maxFrameBytes)
            return {
              id,
              text: `${head}data: ${data}\n\n`,
              expected: { ...JSON.parse(data), event_type: item.big },
            }
          })
          const want = deliverable(log)
          const got = await receive(replayHandler(log, plan), sizes, want.length, { maxFrameBytes })
          expect(got.timedOut).toBe(false)
          expect(got.errors).toEqual([])
          expect(got.reconnectErrors.filter((e) => SseFrameTooLargeError.isInstance(e))).toEqual([])
          expect(got.events).toEqual(want)
        },
      ),
      { numRuns: 30, ...bounded },
    )
  })

  it('a frame past maxFrameBytes drops the connection each time; the events before it arrive once, then transport_exhausted', async () => {
    const maxFrameBytes = 256
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventSpecArb, { maxLength: 5 }),
        fc.array(endingArb, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 70, max: 600 }),
        fc.boolean(),
        chunkSizesArb,
        async (specs, endings, over, terminated, sizes) => {
          // Events well within the limit, then one line past it by more than a piece (so it is always
          // seen growing unterminated), ended or left hanging.
          const log = eventLog(
            specs.map((s) => ({ ...s, payload: {}, extras: [] })),
            endings,
          )
          const huge = `data: ${'h'.repeat(maxFrameBytes + over)}${terminated ? '\n\n' : ''}`
          const plan = { drops: [], overlap: 0, sizes: [64] }
          const handler = replayHandler([...log, { text: huge }], plan)
          const got = await receive(
            handler,
            sizes.map((n) => Math.min(n, 64)),
            Infinity,
            {
              maxFrameBytes,
              maxReconnects: 2,
            },
          )
          expect(got.timedOut).toBe(false)
          expect(got.events).toEqual(deliverable(log))
          expect(got.reconnectErrors).toHaveLength(2)
          for (const e of got.reconnectErrors) expect(SseFrameTooLargeError.isInstance(e)).toBe(true)
          expect(got.errors).toHaveLength(1)
          const error = got.errors[0]
          expect(isWorkspaceEventStreamError(error) && error.code).toBe('transport_exhausted')
          expect(SseFrameTooLargeError.isInstance((error as Error).cause)).toBe(true)
          expect(((error as Error).cause as SseFrameTooLargeError).limit).toBe(maxFrameBytes)
        },
      ),
      { numRuns: 20, ...bounded },
    )
  })

  it('an error frame of any shape reconnects (or ends, for too_many_streams) with a WorkspaceEventStreamError naming its code', async () => {
    const codeArb = fc.oneof(
      fc.constantFrom('stream_unavailable', 'stream_error', 'too_many_streams'),
      fc.string({ maxLength: 10 }),
      fc.constant(`no_${TOKEN}`),
      fc.constant(undefined),
      fc.integer(),
    )
    // Some frames echo the connection's token (in the code, the message, a key or a plain body): the
    // error must show it redacted.
    const echoing = fieldText(20).map((t) => `${t} ${TOKEN}`)
    const frameArb = fc.oneof(
      fc.record(
        {
          code: codeArb,
          message: fc.oneof(fieldText(20), echoing, fc.integer()),
          extra: fc.jsonValue({ maxDepth: 1 }),
          [TOKEN]: echoing,
        },
        { requiredKeys: [] },
      ),
      fieldText(20),
      echoing,
      fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v)),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventSpecArb, { minLength: 1, maxLength: 6 }),
        fc.array(endingArb, { minLength: 1, maxLength: 5 }),
        frameArb,
        fc.nat(),
        chunkSizesArb,
        async (specs, endings, frame, position, sizes) => {
          const log = eventLog(
            specs.map((s) => ({ ...s, sameId: false })),
            endings,
          )
          const data = typeof frame === 'string' ? frame : JSON.stringify(frame)
          // Before one of the events, so that the reconnect is seen before the last event arrives.
          const at = position % log.length
          const errorFrame = `event: error\n${data
            .split('\n')
            .map((l) => `data: ${l}\n`)
            .join('')}\n`
          const plan = { drops: [], overlap: 0, sizes: [97] }
          const handler = replayHandler(log, plan, { firstOnly: new Map([[at, errorFrame]]) })
          // A body that is not a JSON object stands as the frame's message; the token is redacted.
          const shown = data.replaceAll(TOKEN, '[REDACTED]')
          const parsed = isJsonObject(shown) ? JSON.parse(shown) : { message: shown }
          const code = typeof parsed.code === 'string' ? (parsed.code as string) : 'unknown'
          const detail = typeof parsed.message === 'string' ? `: ${parsed.message}` : ''
          const terminal = code === 'too_many_streams'
          const want = deliverable(log)
          const got = await receive(handler, sizes, terminal ? Infinity : want.length)
          expect(got.timedOut).toBe(false)
          expect(got.events).toEqual(terminal ? want.slice(0, at) : want)
          const raised = terminal ? got.errors : got.reconnectErrors
          expect(raised).toHaveLength(1)
          expect(terminal ? got.reconnectErrors : got.errors).toEqual([])
          const error = raised[0]
          expect(isWorkspaceEventStreamError(error)).toBe(true)
          expect(error).toMatchObject({ code, retryable: !terminal, frame: parsed })
          expect((error as Error).message).toBe(`The event stream reported ${code}${detail}`)
          expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(
            TOKEN,
          )
        },
      ),
      { numRuns: 30, ...bounded },
    )
  })
})

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text)
    return typeof v === 'object' && v !== null && !Array.isArray(v)
  } catch {
    return false
  }
}
