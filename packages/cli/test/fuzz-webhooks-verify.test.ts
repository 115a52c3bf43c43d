// `amigo webhooks verify` on generated deliveries, in both formats it reads: correctly signed ones
// (any header-name casing, LF or CRLF, extra headers, Content-Length or not) verify with exit 0;
// mutated and garbage ones end with 2, 4, 5 or 6 as the README's table says, a usage error as one
// `error:` line, never a stack trace, never exit 1, and never with the secret in the output.
// Most runs go through `run` in this process; a few spawn the built CLI end to end.
import { signWebhookPayload } from '@amigo-ai/webhooks/sign'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { printable } from '../src/io/printable'
import { type CliResult, cliEnv, runCli, runSpawnedCli } from './helpers/cli'

// Verification reads no stored login: one environment (and config folder) serves every run here.
const here = cliEnv()

/** `amigo <args>` in this process, `input` on stdin (neither stream is a terminal). */
const runHere = (args: string[], input: string | Uint8Array) => runCli(args, { env: here, input })

// --- generated deliveries ---------------------------------------------------------------------

// A secret with a prefix no generated id, type or header carries, so finding it in the output can
// only mean it leaked.
const secretArb = fc.string({ unit: 'grapheme', minLength: 8, maxLength: 32 }).map((s) => `whsec_${s}`)
// Text the verdict line shows (id, type): anything, but neither the secret's prefix nor a `Bearer`
// that the output filter would rightly replace.
const shownText = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !/whsec_|bearer/i.test(s))

const eventArb = fc.record({
  id: shownText,
  type: shownText,
  timestamp: fc.constant('2026-01-01T00:00:00Z'),
  data: fc.jsonValue({ maxDepth: 3 }),
})
const bodyOf = (event: object, pretty: boolean) =>
  pretty ? JSON.stringify(event, null, 2) : JSON.stringify(event)

// How the timestamp is written: Unix seconds, Unix milliseconds, ISO-8601, or absent (legacy).
const timeForm = fc.constantFrom('seconds', 'millis', 'iso', 'legacy')
function timestampAt(form: string, ms: number): string | null {
  if (form === 'legacy') return null
  if (form === 'seconds') return String(Math.floor(ms / 1000))
  if (form === 'millis') return String(Math.floor(ms))
  return new Date(ms).toISOString()
}

// Header names an HTTP capture may carry besides ours, a few of them Object.prototype's own.
const reserved = /^(x-amigo-signature|x-amigo-timestamp|content-length|transfer-encoding)$/i
const extraHeader = fc.tuple(
  fc.oneof(
    fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/),
    fc.constantFrom('Host', 'Content-Type', 'User-Agent', '__proto__', 'constructor', 'toString'),
  ),
  fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,40}[\x21-\x7e])?$/),
)
// A name in any letter case.
const recase = (name: string, mask: boolean[]) =>
  [...name].map((ch, i) => (mask[i % mask.length] ? ch.toUpperCase() : ch.toLowerCase())).join('')

/** Everything a signed delivery is made of, before it is written in one of the two formats. */
interface Parts {
  secret: string
  body: string
  signature: string
  timestamp: string | null
  /** Header lines in order: ours among the extra ones. */
  headers: Array<[string, string]>
}

const partsArb = fc
  .record({
    secret: secretArb,
    event: eventArb,
    pretty: fc.boolean(),
    form: timeForm,
    // Inside the default 300 s tolerance, with room for the time a run takes.
    skewS: fc.integer({ min: -240, max: 240 }),
    extra: fc.array(extraHeader, { maxLength: 4 }),
    casing: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
    ourAt: fc.nat(),
  })
  .filter(({ extra }) => extra.every(([name]) => !reserved.test(name)))

type PartsInput = typeof partsArb extends fc.Arbitrary<infer T> ? T : never

async function sign(p: PartsInput, now = Date.now(), body = bodyOf(p.event, p.pretty)): Promise<Parts> {
  const timestamp = timestampAt(p.form, now + p.skewS * 1000)
  const signed = await signWebhookPayload({ payload: body, secret: p.secret, timestamp })
  const ours: Array<[string, string]> = [[recase('x-amigo-signature', p.casing), signed.signature]]
  if (timestamp !== null) ours.push([recase('X-Amigo-Timestamp', p.casing), timestamp])
  const headers = [...p.extra]
  headers.splice(p.ourAt % (headers.length + 1), 0, ...ours)
  return { secret: p.secret, body, signature: signed.signature, timestamp, headers }
}

/** The JSON format (`trigger --print`), header names as given. */
function asJson(parts: Parts, body = parts.body): string {
  // Written by hand: a `__proto__` header name must be a key of the JSON, not a prototype.
  const fields = parts.headers.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
  return `{"headers": {${fields.join(', ')}}, "body": ${JSON.stringify(body)}}`
}

interface HttpForm {
  eol: '\n' | '\r\n'
  contentLength: boolean
  /** After the body: counted out by Content-Length, so only with one. */
  trailer: '' | '\n' | '\r\n'
  leading: '' | '\n'
}
const httpFormArb: fc.Arbitrary<HttpForm> = fc
  .record({
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    contentLength: fc.boolean(),
    trailer: fc.constantFrom('' as const, '\n' as const, '\r\n' as const),
    leading: fc.constantFrom('' as const, '\n' as const),
  })
  .map((f) => (f.contentLength ? f : { ...f, trailer: '' as const }))

/** Raw HTTP request text, as `nc -l` captures it; `headers` replaces the parts' own lines. */
function asHttp(parts: Parts, form: HttpForm, headers = parts.headers): string {
  const lines = ['POST /webhooks/amigo HTTP/1.1', ...headers.map(([k, v]) => `${k}: ${v}`)]
  if (form.contentLength) lines.splice(1, 0, `Content-Length: ${Buffer.byteLength(parts.body)}`)
  return `${form.leading}${lines.join(form.eol)}${form.eol}${form.eol}${parts.body}${form.trailer}`
}

const verifyArgs = (secret: string) => ['webhooks', 'verify', '--secret', secret]

/** What every outcome must satisfy: an expected code, its output in its place, no secret, no stack. */
function expectOutcome(r: CliResult, secret: string, codes: readonly number[]) {
  expect(codes, `${r.code}\n${r.stdout}${r.stderr}`).toContain(r.code)
  expect(r.stdout + r.stderr).not.toContain(secret)
  expect(r.stderr).not.toMatch(/^\s+at /m)
  if (r.code === 2) {
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^error: [^\n]+\n(hint: [^\n]+\n)?$/)
  } else if (r.code !== 0) {
    expect(r.stdout).toMatch(/^✗ not verified: [^\n]+\n$/)
    expect(r.stderr).toBe('')
  }
}

function verifiedLine(event: { id: string; type: string }, timestamp: string | null) {
  const at = timestamp ? ` (timestamp ${timestamp})` : ' (no timestamp)'
  return `✓ verified: ${printable(`${event.type} ${event.id}`)}${at}\n`
}

describe('webhooks verify: signed deliveries verify', () => {
  it('in the JSON format, header names in any case, extra headers: exit 0 naming the event', async () => {
    await fc.assert(
      fc.asyncProperty(partsArb, async (p) => {
        const parts = await sign(p)
        const r = await runHere(verifyArgs(parts.secret), asJson(parts))
        expectOutcome(r, parts.secret, [0])
        expect(r.stdout).toBe(verifiedLine(p.event, parts.timestamp))
      }),
      { numRuns: 150 },
    )
  })

  it('as raw HTTP text: LF or CRLF, Content-Length or none, a final newline after a counted body', async () => {
    await fc.assert(
      fc.asyncProperty(partsArb, httpFormArb, async (p, form) => {
        const parts = await sign(p)
        const r = await runHere(verifyArgs(parts.secret), asHttp(parts, form))
        expectOutcome(r, parts.secret, [0])
        expect(r.stdout).toBe(verifiedLine(p.event, parts.timestamp))
      }),
      { numRuns: 150 },
    )
  })

  it('with a large extra header (tens of KiB): still exit 0', async () => {
    await fc.assert(
      fc.asyncProperty(partsArb, httpFormArb, fc.integer({ min: 1, max: 64 }), async (p, form, kib) => {
        const parts = await sign({ ...p, extra: [...p.extra, ['X-Trace', 'x'.repeat(kib * 1024)]] })
        const r = await runHere(verifyArgs(parts.secret), asHttp(parts, form))
        expectOutcome(r, parts.secret, [0])
      }),
      { numRuns: 20 },
    )
  })

  it('an authentic body whose id or type is not text is shown safely, never a crash (exit 0)', async () => {
    // JSON text of the odd value: written by hand, since JSON.stringify cannot write the deep one.
    const notText = fc.oneof(
      fc
        .jsonValue({ maxDepth: 3 })
        .filter((v) => typeof v !== 'string')
        .map((v) => JSON.stringify(v)),
      fc.constantFrom('{"toString": 1}', '{"valueOf": null, "toString": "x"}', 'null'),
      fc.integer({ min: 1_000, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
    )
    await fc.assert(
      fc.asyncProperty(partsArb, notText, fc.boolean(), async (p, odd, inType) => {
        const id = inType ? JSON.stringify(p.event.id) : odd
        const type = inType ? odd : JSON.stringify(p.event.type)
        const body = `{"id": ${id}, "type": ${type}, "data": {}}`
        const parts = await sign(p, Date.now(), body)
        const r = await runHere(verifyArgs(parts.secret), asJson(parts))
        expectOutcome(r, parts.secret, [0])
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the line must carry none
        expect(r.stdout).toMatch(/^✓ verified: [^\u0000-\u001f\u007f-\u009f]+\n$/)
        expect(r.stdout).toContain(printable(inType ? p.event.id : p.event.type))
      }),
      { numRuns: 60 },
    )
  })
})

// --- mutations ----------------------------------------------------------------------------------

/** A way to spoil a signed delivery, and the exit codes the README gives for what it spoils. */
interface Spoiled {
  input: string | Uint8Array
  codes: readonly number[]
  /** When it is a usage error: what the message must name. */
  names?: RegExp
  /** Verified with this secret instead of the one that signed it. */
  secret?: string
}

type Spoiler = fc.Arbitrary<(parts: Parts, form: HttpForm) => Spoiled>

const without = (parts: Parts, name: string) => parts.headers.filter(([k]) => k.toLowerCase() !== name)

// Named in fast-check's counterexamples, which would otherwise print each one's source.
const named = (spoilers: Record<string, Spoiler>): Record<string, Spoiler> =>
  Object.fromEntries(
    Object.entries(spoilers).map(([name, arb]) => [
      name,
      arb.map((f) => Object.assign(f, { [fc.toStringMethod]: () => name })),
    ]),
  )

const spoilers = named({
  // Cut anywhere before the body has fully arrived.
  truncated: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((at) => (parts, form) => {
    const text = asHttp(parts, form)
    const end = text.length - form.trailer.length
    return { input: text.slice(0, Math.floor(at * end)), codes: [2, 4, 6] }
  }),
  chunked: fc
    .tuple(fc.constantFrom('chunked', 'gzip, chunked', 'CHUNKED'), fc.array(fc.boolean(), { minLength: 1 }))
    .map(([coding, mask]) => (parts, form) => ({
      input: asHttp(parts, form, [...parts.headers, [recase('Transfer-Encoding', mask), coding]]),
      codes: [2],
      names: /chunked/,
    })),
  // A Content-Length that is not the body's: too long is a usage error, too short cuts the body.
  wrongLength: fc
    .integer({ min: -1_000, max: 1_000 })
    .filter((d) => d !== 0)
    .map((delta) => (parts, form) => {
      const length = Math.max(0, Buffer.byteLength(parts.body) + delta)
      return {
        input: asHttp(parts, { ...form, contentLength: false, trailer: '' }, [
          ...parts.headers,
          ['Content-Length', String(length)],
        ]),
        codes: delta > 0 ? [2] : [4],
      }
    }),
  // A Content-Length that is no number of bytes at all.
  badLength: fc
    .oneof(
      fc.constantFrom('', ' ', 'abc', '0x10', '1e2', '-1', '1.5', '+5', '١٢', 'Infinity', '5, 5'),
      fc.string({ maxLength: 8 }).filter((s) => !/^\s*\d+\s*$/.test(s) && !/[\r\n]/.test(s)),
    )
    .map((value) => (parts, form) => ({
      input: asHttp(parts, { ...form, contentLength: false, trailer: '' }, [
        ...parts.headers,
        ['Content-Length', value],
      ]),
      codes: [2],
      names: /Content-Length/,
    })),
  // A second timestamp line: the two are read as one list, which is not what was signed.
  duplicateTimestamp: fc.stringMatching(/^\d{1,13}$/).map((other) => (parts, form) => ({
    input: asHttp(parts, form, [...parts.headers, ['x-amigo-timestamp', other]]),
    codes: [4],
  })),
  duplicateLength: fc.nat(2_000).map((n) => (parts, form) => ({
    input: asHttp(parts, { ...form, contentLength: true }, [...parts.headers, ['content-length', String(n)]]),
    codes: [2],
    names: /Content-Length/,
  })),
  hugeSignature: fc.integer({ min: 1, max: 256 }).map((kib) => (parts, form) => ({
    input: asHttp(parts, form, [
      ...without(parts, 'x-amigo-signature'),
      ['X-Amigo-Signature', `sha256=${'ab'.repeat(kib * 512)}`],
    ]),
    codes: [4],
  })),
  noSignature: fc.constant((parts, form) => ({
    input: asHttp(parts, form, without(parts, 'x-amigo-signature')),
    codes: [6],
  })),
  notHex: fc.stringMatching(/^[g-z]{1,64}$/).map((junk) => (parts) => ({
    input: asJson({
      ...parts,
      headers: [...without(parts, 'x-amigo-signature'), ['x-amigo-signature', junk]],
    }),
    codes: [6],
  })),
  alteredBody: fc.nat().map((at) => (parts) => {
    const i = at % parts.body.length
    const body = `${parts.body.slice(0, i)}${parts.body[i] === ' ' ? '\t' : ' '}${parts.body.slice(i + 1)}`
    return { input: asJson(parts, body), codes: [4] }
  }),
  otherSecret: fc.constant((parts) => ({
    input: asJson(parts),
    codes: [4],
    secret: `${parts.secret}_rotated`,
  })),
  garbageBytes: fc.uint8Array({ maxLength: 300 }).map((bytes) => () => ({ input: bytes, codes: [2, 6] })),
  garbageJson: fc
    .string({ unit: 'binary', maxLength: 200 })
    .map((s) => () => ({ input: `{${s}`, codes: [2, 6] })),
  garbageHttp: fc
    .string({ unit: 'binary', maxLength: 300 })
    .map((s) => () => ({ input: `POST / HTTP/1.1\r\n${s}`, codes: [2, 4, 6] })),
})

describe('webhooks verify: spoiled deliveries are refused with their own exit code', () => {
  for (const [name, spoiler] of Object.entries(spoilers))
    it(`${name}: the README's exit code, output in its place, no secret`, async () => {
      await fc.assert(
        fc.asyncProperty(partsArb, httpFormArb, spoiler, async (p, form, spoil) => {
          const parts = await sign(p)
          const { input, codes, names, secret = parts.secret } = spoil(parts, form)
          const r = await runHere(verifyArgs(secret), input)
          expectOutcome(r, secret, codes)
          if (names) expect(r.stderr).toMatch(names)
        }),
        { numRuns: name.startsWith('garbage') ? 150 : 60 },
      )
    })

  it('signed too long ago or too far ahead: exit 5 (timestamp), whatever the form', async () => {
    await fc.assert(
      fc.asyncProperty(
        partsArb.filter((p) => p.form !== 'legacy'),
        fc.integer({ min: 400, max: 10_000_000 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 300 }),
        async (p, offS, past, tolerance) => {
          const parts = await sign(
            { ...p, skewS: 0 },
            Date.now() + (past ? -1 : 1) * (offS + tolerance) * 1000,
          )
          const r = await runHere(
            [...verifyArgs(parts.secret), '--tolerance', String(tolerance)],
            asJson(parts),
          )
          expectOutcome(r, parts.secret, [5])
          expect(r.stdout).toMatch(past ? /too old/ : /in the future/)
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe("webhooks verify: a broken capture's text is never quoted", () => {
  // A token or signature in a captured header line: no secret filter knows it, so a usage error
  // must say where the capture is broken without showing any of it.
  const token = fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/).map((t) => `tok_${t}`)
  const broken = fc.constantFrom(
    {
      how: 'a header line without a colon',
      capture: (t: string) => `POST / HTTP/1.1\r\nHost: x\r\nAuthorization Bearer-less ${t}\r\n\r\n{}`,
      // The third line, after any blank lines before the request line.
      names: (lead: number) =>
        new RegExp(`^error: line ${3 + lead} of the delivery is not an HTTP header line`),
    },
    {
      how: 'a Content-Length that is no number',
      capture: (t: string) => `POST / HTTP/1.1\nContent-Length: ${t}\n\n{}`,
      names: () => /^error: the Content-Length header is not a number of bytes/,
    },
    {
      how: 'JSON broken beside it',
      capture: (t: string) => `{"headers": {"authorization": ${t}}, "body": "{}"}`,
      names: () => /^error: the delivery is not valid JSON/,
    },
  )

  it('a usage error (2) says where, and no 6 characters of the token reach the output', async () => {
    await fc.assert(
      fc.asyncProperty(secretArb, token, broken, fc.nat(2), async (secret, t, b, lead) => {
        const r = await runHere(verifyArgs(secret), '\n'.repeat(lead) + b.capture(t))
        expectOutcome(r, secret, [2])
        const shown = r.stdout + r.stderr
        for (let i = 0; i + 6 <= t.length; i++) expect(shown).not.toContain(t.slice(i, i + 6))
        expect(r.stderr, b.how).toMatch(b.names(lead))
      }),
      { numRuns: 60 },
    )
  })
})

describe('webhooks verify: the built CLI, end to end', () => {
  const env = cliEnv()
  it('signed deliveries exit 0, spoiled ones 2, 4, 5 or 6, in either format', async () => {
    const spoilerArb = fc.oneof(...Object.values(spoilers))
    await fc.assert(
      fc.asyncProperty(
        partsArb,
        httpFormArb,
        fc.option(spoilerArb),
        fc.boolean(),
        async (p, form, spoil, json) => {
          const parts = await sign(p)
          const spoiled: Spoiled = spoil
            ? spoil(parts, form)
            : { input: json ? asJson(parts) : asHttp(parts, form), codes: [0] }
          const { input, secret = parts.secret } = spoiled
          const r = await runSpawnedCli(verifyArgs(secret), {
            env,
            // Bytes as Latin-1 text: still garbage after the UTF-8 encoding of the pipe.
            input: typeof input === 'string' ? input : Buffer.from(input).toString('latin1'),
          })
          expectOutcome(r, secret, typeof input === 'string' ? spoiled.codes : [2, 4, 6])
        },
      ),
      { numRuns: 15 },
    )
  }, 60_000)
})
