// Property-based tests of what a WebSocket server sends the realtime clients: generated text and
// binary frames (random bytes, JSON of wrong shapes, huge strings, frames echoing the token) and a
// close with any valid code and a reason of up to 123 bytes (echoing the token, too). Callbacks see
// only decoded frames of the documented types, or one typed error through onError whose text never
// holds the token; nothing throws, nothing hangs. (A frame is the server's data: one that echoes the
// token reaches onEvent/onMessage as sent. Errors are what gets logged, so they are what is scrubbed.)
import { inspect } from 'node:util'
import { isAmigoError, redactDeep } from '@amigo-ai/core'
import { startWsServer, type WsConnection } from '@amigo-ai/test-server'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { WebSocket as NodeWs } from 'ws'
import {
  createReconnectingWebSocket,
  createTextChat,
  isReconnectingWebSocketError,
  type ObserverEvent,
  observeCall,
  type ReconnectingWebSocketOptions,
  type ReconnectingWebSocketState,
  type TextChatServerFrame,
} from '../src/index'
import { track } from './helpers'

// `ws` on every Node version (Node 22+ would otherwise use its global WebSocket), as the other wire
// tests do.
const WebSocket = NodeWs as unknown as ReconnectingWebSocketOptions['WebSocket']
const SID = `CA${'0f'.repeat(16)}`
const STATES: ReconnectingWebSocketState[] = [
  'connecting',
  'open',
  'reconnecting',
  'closing',
  'closed',
  'terminal',
]

// A failing run waits out a timeout, and shrinking runs many: stop within the test's time and report
// the smallest failure found so far.
const bounded = { interruptAfterTimeLimit: 15_000, markInterruptAsFailure: true }

// ---- tokens, frames and closes ------------------------------------------------------------------

const chars = (set: string) => fc.constantFrom(...set.split(''))
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
/** A token a subprotocol can carry (the RFC 6455 token alphabet). */
const subprotocolTokenArb = fc
  .string({ unit: chars(`${ALNUM}!#$%&'*+-.^_\`|~`), minLength: 12, maxLength: 48 })
  .map((s) => `tok${s}`)
/** A token of the platform's alphabet, as the text stream's `token` query parameter allows. */
const queryTokenArb = fc
  .string({ unit: chars(`${ALNUM}-._+=/:`), minLength: 12, maxLength: 48 })
  .map((s) => `qtok${s}`)

/** One server frame: text (a string) or binary (bytes). */
type Frame = { text: string } | { bytes: Uint8Array }

const utf8 = new TextEncoder()
const typeArb = fc.oneof(
  fc.constantFrom('agent_transcript_delta', 'session_end', 'latency', 'token', 'message', 'done', 'error'),
  fc.string({ maxLength: 12 }),
)

/** Frames of every kind; `token` is the connection's token, which some frames echo. */
function frameArb(token: string): fc.Arbitrary<Frame> {
  const typed = fc
    .tuple(typeArb, fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }))
    .map(([type, rest]) => ({ ...rest, type }))
  const json = fc.oneof(
    typed,
    // Wrong shapes: no type, a type that is not a string, not an object at all.
    fc.record({ type: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())) }),
    fc.dictionary(
      fc.string({ maxLength: 6 }).filter((k) => k !== 'type'),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
    // Echoes of the token, and a huge string.
    fc.constantFrom({ type: 'error', message: `bad token ${token}` }, { type: token, [token]: token }),
    fc.integer({ min: 1, max: 1 << 20 }).map((n) => ({ type: 'huge', text: 'x'.repeat(n) })),
  )
  const text = fc.oneof(
    json.map((v) => JSON.stringify(v)),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constant(`{"type":"broken", ${token}`),
  )
  return fc.oneof(
    text.map((t) => ({ text: t })),
    text.map((t) => ({ bytes: utf8.encode(t) })),
    fc.uint8Array({ maxLength: 64 }).map((b) => ({ bytes: b })),
  )
}

/** Close codes a server may send (`ws` refuses 1004-1006 and 1015-2999, which are reserved). */
const closeCodeArb = fc.oneof(
  fc.constantFrom(1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014),
  fc.constantFrom(4001, 4003, 4004, 4029, 4100, 4403),
  fc.integer({ min: 3000, max: 4999 }),
)

/** What the close reason says; the echoes are resolved per connection (see reasonText). */
type ReasonPart = { text: string } | { echo: 'token' | 'protocols' | 'url' | 'rawQuery' }
const reasonArb = fc.array(
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }).map((text) => ({ text })),
    fc.constantFrom<ReasonPart>(
      { echo: 'token' },
      { echo: 'protocols' },
      { echo: 'url' },
      { echo: 'rawQuery' },
    ),
  ),
  { maxLength: 4 },
)

/**
 * The reason a server echoing this connection would send. The echoes come first, so that the cut to
 * the 123 bytes a close reason may hold falls on the generated text where it can; a long URL echo
 * can still be cut partway through a token, whose start left at the end is then redacted too.
 */
function reasonText(parts: ReasonPart[], conn: WsConnection, token: string): string {
  const echo = (e: ReasonPart & { echo: string }) =>
    e.echo === 'token'
      ? token
      : e.echo === 'protocols'
        ? String(conn.request.headers['sec-websocket-protocol'])
        : e.echo === 'url'
          ? String(conn.request.url)
          : (String(conn.request.url).split('?')[1]?.split('&')[0]?.split('=')[1] ?? '')
  const echoes = parts.flatMap((p) => ('echo' in p ? [echo(p)] : []))
  let reason = [...echoes, ...parts.flatMap((p) => ('text' in p ? [p.text] : []))].join(' ')
  // A reason carries at most 123 bytes; cut by characters, so that no UTF-8 sequence is split.
  while (Buffer.byteLength(reason) > 123) reason = [...reason].slice(0, -1).join('')
  return reason
}

/** What the README's close taxonomy makes of `code` when no reconnect is left. */
function terminalReason(code: number, canRefresh: boolean): string | undefined {
  if (code === 1000) return undefined
  if (code === 4403) return 'auth'
  if (code === 4100) return canRefresh ? 'reconnect_budget_exhausted' : 'token_expired'
  if ([1008, 4001, 4003, 4004].includes(code)) return 'client_error'
  return 'reconnect_budget_exhausted'
}

/**
 * Frame data in a form cheap to compare (a megabyte as a typed array takes toEqual seconds): a
 * string as it is, bytes as base64.
 */
const comparable = (data: string | Uint8Array | ArrayBuffer) =>
  typeof data === 'string' ? data : { binary: Buffer.from(data as Uint8Array).toString('base64') }

/** The frame decoded as the README says: a JSON object with a string `type`, else nothing. */
function typedFrame(f: Frame): Record<string, unknown> | undefined {
  const text = 'text' in f ? f.text : new TextDecoder().decode(f.bytes)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  return typeof (value as { type?: unknown }).type === 'string'
    ? (value as Record<string, unknown>)
    : undefined
}

/** Sends the frames in order, then closes. */
function sendAll(conn: WsConnection, frames: Frame[], code: number, reason: string): void {
  for (const f of frames) conn.socket.send('text' in f ? f.text : f.bytes, { binary: !('text' in f) })
  conn.close(code, reason)
}

const printed = (value: unknown) =>
  `${inspect(value, { depth: 10, showHidden: true })}\n${JSON.stringify(value)}`

/** Waits for `done`, or 5 s; true when it settled. */
async function settles(done: Promise<unknown>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), 5000)
  })
  const settled = await Promise.race([done.then(() => true), timeout])
  clearTimeout(timer)
  return settled
}

/**
 * Runs one case against `server` (closed after it) with console.error watched: the clients report a
 * callback that threw there, and no callback here throws.
 */
async function withoutConsoleErrors(
  server: { close(): Promise<void> },
  body: () => Promise<void>,
): Promise<void> {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
  try {
    await body()
    expect(spy).not.toHaveBeenCalled()
  } finally {
    spy.mockRestore()
    await server.close()
  }
}

/** Checks the terminal error a close with `code` and `reason` ended in (or its absence). */
function expectCloseOutcome(
  errors: unknown[],
  code: number,
  reason: string,
  secrets: string[],
  canRefresh = false,
): void {
  const expected = terminalReason(code, canRefresh)
  if (expected === undefined) {
    expect(errors).toEqual([])
    return
  }
  expect(errors).toHaveLength(1)
  const error = errors[0]
  expect(isReconnectingWebSocketError(error)).toBe(true)
  expect(error).toMatchObject({ reason: expected, closeCode: code })
  const closeReason = (error as { closeReason?: string }).closeReason ?? ''
  const quoted = secrets.some((s) => reason.includes(s))
  const cut = secrets.map((s) => cutStart(reason, s)).find((start) => start !== undefined)
  // A reason quoting a secret, or ending in a secret's first 4+ characters (cut at 123 bytes), has it
  // replaced; any other reason comes through as it was sent.
  if (quoted || cut) expect(closeReason).toContain('[REDACTED]')
  else expect(closeReason).toBe(reason)
  for (const secret of secrets) expect(printed(error)).not.toContain(secret)
  if (cut) expect(closeReason.endsWith(cut)).toBe(false)
}

/** The start of `secret` (4+ characters, not all of it) that `reason` ends with, if any. */
function cutStart(reason: string, secret: string): string | undefined {
  for (let n = secret.length - 1; n >= 4; n--)
    if (reason.endsWith(secret.slice(0, n))) return secret.slice(0, n)
  return undefined
}

// ---- observeCall -----------------------------------------------------------------------------------

describe('observeCall, fuzzed frames and closes', () => {
  it('passes on exactly the typed JSON frames, and ends as the close code says, never quoting the token', async () => {
    const scenario = subprotocolTokenArb.chain((token) =>
      fc.record({
        token: fc.constant(token),
        frames: fc.array(frameArb(token), { maxLength: 8 }),
        code: closeCodeArb,
        reason: reasonArb,
      }),
    )
    await fc.assert(
      fc.asyncProperty(scenario, async ({ token, frames, code, reason: parts }) => {
        let reason = ''
        const server = track(
          await startWsServer((conn) => {
            reason = reasonText(parts, conn, token)
            sendAll(conn, frames, code, reason)
          }),
        )
        await withoutConsoleErrors(server, async () => {
          const events: ObserverEvent[] = []
          const errors: unknown[] = []
          const states: ReconnectingWebSocketState[] = []
          const obs = observeCall({
            workspaceId: 'ws-1',
            callSid: SID,
            token,
            agentBaseUrl: server.url.replace('ws:', 'http:'),
            WebSocket,
            maxReconnects: 0,
            onEvent: (e) => events.push(e),
            onError: (e) => errors.push(e),
            onStateChange: (s) => states.push(s),
          })
          expect(await settles(obs.done)).toBe(true)
          expect(events).toEqual(frames.flatMap((f) => typedFrame(f) ?? []))
          expect(states.every((s) => STATES.includes(s))).toBe(true)
          expectCloseOutcome(errors, code, reason, [token])
        })
      }),
      { numRuns: 40, ...bounded },
    )
  })
})

// ---- createReconnectingWebSocket -----------------------------------------------------------------

describe('createReconnectingWebSocket, fuzzed frames and closes', () => {
  it('hands every frame to onMessage as sent (a string, or an ArrayBuffer of the bytes) and scrubs the query token and subprotocol from the close', async () => {
    const scenario = fc.tuple(subprotocolTokenArb, queryTokenArb).chain(([token, queryToken]) =>
      fc.record({
        token: fc.constant(token),
        queryToken: fc.constant(queryToken),
        frames: fc.array(frameArb(token), { maxLength: 8 }),
        code: closeCodeArb,
        reason: reasonArb,
      }),
    )
    await fc.assert(
      fc.asyncProperty(scenario, async ({ token, queryToken, frames, code, reason: parts }) => {
        let reason = ''
        const server = track(
          await startWsServer((conn) => {
            // The echoes quote either token; `token` here means the query one.
            reason = reasonText(parts, conn, queryToken)
            sendAll(conn, frames, code, reason)
          }),
        )
        await withoutConsoleErrors(server, async () => {
          const received: unknown[] = []
          const errors: unknown[] = []
          const reconnects: unknown[] = []
          const url = `${server.url}/x?token=${encodeURIComponent(queryToken)}&v=1`
          const socket = createReconnectingWebSocket({
            url,
            protocols: ['auth', token],
            WebSocket,
            maxReconnects: 0,
            onMessage: (m) => received.push(m.data),
            onError: (e) => errors.push(e),
            onReconnect: (info) => reconnects.push(info),
          })
          expect(await settles(socket.done)).toBe(true)
          expect(received.every((d) => typeof d === 'string' || d instanceof ArrayBuffer)).toBe(true)
          expect(received.map((d) => comparable(d as string | ArrayBuffer))).toEqual(
            frames.map((f) => comparable('text' in f ? f.text : f.bytes)),
          )
          expect(reconnects).toEqual([])
          const secrets = [token, queryToken, encodeURIComponent(queryToken)]
          expectCloseOutcome(errors, code, reason, secrets)
        })
      }),
      { numRuns: 40, ...bounded },
    )
  })
})

// ---- createTextChat --------------------------------------------------------------------------------

const chatFrameArb = (token: string): fc.Arbitrary<Frame> => {
  const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constant(null), fc.constant(token))
  const shaped = fc.oneof(
    fc.record({ type: fc.constant('token'), text: value }, { requiredKeys: ['type'] }),
    fc.record(
      {
        type: fc.constant('message'),
        text: value,
        role: fc.constantFrom('agent', 'user'),
        conversation_id: value,
      },
      { requiredKeys: ['type'] },
    ),
    fc.record({ type: fc.constant('done'), conversation_id: value }, { requiredKeys: ['type'] }),
    fc.record(
      {
        type: fc.constant('error'),
        message: fc.oneof(value, fc.constant(`refused ${token}`)),
        detail: fc.constant({ echoed: token, [token]: [token] }),
      },
      { requiredKeys: ['type'] },
    ),
    fc.constantFrom({ type: 'thinking' }, { type: 'tool_call_started', name: 't' }),
  )
  return fc.oneof(
    { weight: 3, arbitrary: shaped.map((v) => ({ text: JSON.stringify(v) })) },
    { weight: 1, arbitrary: shaped.map((v) => ({ bytes: utf8.encode(JSON.stringify(v)) })) },
    { weight: 1, arbitrary: frameArb(token) },
  )
}

/**
 * How the turn waiting for its reply ends after `frames`, as the README puts it: the `message`
 * frame's text (not the user's), else the joined `token` deltas at `done`, or an `error` frame's
 * rejection; undefined when no frame ends it.
 */
function replyAfter(frames: Frame[]): { text: string; conversationId?: string } | 'error' | undefined {
  const deltas: string[] = []
  let conversationId: string | undefined
  for (const f of frames) {
    const frame = typedFrame(f)
    if (!frame) continue
    if (typeof frame.conversation_id === 'string' && frame.conversation_id !== '')
      conversationId = frame.conversation_id
    const text = frame.text
    const reply = (t: string) => (conversationId ? { text: t, conversationId } : { text: t })
    if (frame.type === 'token' && typeof text === 'string') deltas.push(text)
    if (frame.type === 'message' && typeof text === 'string' && frame.role !== 'user') return reply(text)
    if (frame.type === 'done') return reply(deltas.join(''))
    if (frame.type === 'error') return 'error'
  }
  return undefined
}

describe('createTextChat, fuzzed frames and closes', () => {
  it("settles send() as the frames say (reply, the agent's error, or the close's error), never quoting the token", async () => {
    const scenario = subprotocolTokenArb.chain((token) =>
      fc.record({
        token: fc.constant(token),
        frames: fc.array(chatFrameArb(token), { maxLength: 8 }),
        code: closeCodeArb,
        reason: reasonArb,
      }),
    )
    await fc.assert(
      fc.asyncProperty(scenario, async ({ token, frames, code, reason: parts }) => {
        let reason = ''
        const server = track(
          await startWsServer((conn) => {
            reason = reasonText(parts, conn, token)
            // Answers the first message.
            conn.socket.once('message', () => sendAll(conn, frames, code, reason))
          }),
        )
        await withoutConsoleErrors(server, async () => {
          const events: TextChatServerFrame[] = []
          const errors: unknown[] = []
          const chat = createTextChat({
            agentBaseUrl: server.url,
            workspaceId: 'w',
            serviceId: 's',
            token,
            WebSocket,
            maxReconnects: 0,
            onEvent: (e) => events.push(e),
            onError: (e) => errors.push(e),
          })
          const outcome = await chat.send('hello').then(
            (reply) => ({ reply }),
            (error: unknown) => ({ error }),
          )
          expect(await settles(chat.done)).toBe(true)
          // Every typed frame, in order; an error frame with the token redacted (a server may echo it).
          const shown = (f: unknown) =>
            (f as { type?: unknown }).type === 'error' ? redactDeep(f, [token]) : f
          expect(events).toEqual(frames.flatMap((f) => typedFrame(f) ?? []).map(shown))
          // A fixed token cannot be refreshed: a 4100 ends the chat with token_expired.
          expectCloseOutcome(errors, code, reason, [token])
          const expected = replyAfter(frames)
          if (expected === undefined || expected === 'error') {
            expect('error' in outcome).toBe(true)
            const error = (outcome as { error: unknown }).error
            expect(isAmigoError(error)).toBe(true)
            if (expected === 'error')
              expect((error as Error).message).toMatch(/^The agent reported an error: /)
            expect(printed(error)).not.toContain(token)
          } else expect(outcome).toEqual({ reply: expected })
        })
      }),
      { numRuns: 40, ...bounded },
    )
  })
})
