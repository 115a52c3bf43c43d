// The parsers of options that take numbers or URLs, on generated strings (unicode digits,
// whitespace, exponents, hex, huge values, empty, `--` forms): a value is accepted and means what
// the README says, or refused with a usage error (exit 2) naming the option. In process with many
// runs of the parsers; whole commands (runCli) for a handful of generated cases each.

import { MAX_TIMER_MS } from '@amigo-ai/core'
import { serveNode } from '@amigo-ai/test-server'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseApiRequest } from '../src/api/parse-request'
import { countOption } from '../src/count-option'
import { checkBaseUrl } from '../src/credentials/base-url'
import { CliError } from '../src/errors/cli-error'
import { httpUrlOption } from '../src/http-url-option'
import { secondsOption } from '../src/seconds-option'
import { cliEnv, runCli } from './helpers/cli'

/** What `f` throws; fails the test if it returns. */
function thrown(f: () => unknown): unknown {
  try {
    f()
  } catch (error) {
    return error
  }
  throw new Error('expected a usage error, but the value was accepted')
}

/** A usage error (exit 2) whose message begins with the option's name. */
function expectUsageError(error: unknown, option: string) {
  expect(error).toBeInstanceOf(CliError)
  expect((error as CliError).exitCode).toBe(2)
  expect((error as CliError).message.startsWith(option)).toBe(true)
}

// --- generated option values --------------------------------------------------------------------

const DIGITS = '0123456789'
// Digits of other scripts: Arabic-Indic, Devanagari, fullwidth, mathematical bold.
const FOREIGN_DIGITS = ['٠١٢٣٤٥٦٧٨٩', '०१२३४५६७८९', '０１２３４５６７８９', '𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗']
const WHITESPACE = [' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\u180e']

const asciiDigits = fc.string({ unit: fc.constantFrom(...DIGITS), minLength: 1, maxLength: 25 })
const foreignDigits = fc
  .tuple(fc.constantFrom(...FOREIGN_DIGITS), fc.array(fc.nat(9), { minLength: 1, maxLength: 4 }))
  .map(([set, picks]) => picks.map((i) => [...set][i]).join(''))
const space = fc.string({ unit: fc.constantFrom(...WHITESPACE), maxLength: 2 })
const signed = fc.tuple(fc.constantFrom('+', '-', '--', '−'), asciiDigits).map(([s, d]) => s + d)
const exponent = fc
  .tuple(asciiDigits, fc.constantFrom('e', 'E', 'e+', 'e-'), fc.nat(400))
  .map(([m, e, x]) => `${m}${e}${x}`)
const decimal = fc.tuple(fc.option(asciiDigits, { nil: '' }), asciiDigits).map(([i, f]) => `${i}.${f}`)
const radix = fc
  .tuple(fc.constantFrom('0x', '0X', '0b', '0o'), fc.nat())
  .map(([p, n]) => p + n.toString(p.endsWith('x') || p.endsWith('X') ? 16 : p.endsWith('b') ? 2 : 8))
const special = fc.constantFrom(
  '',
  '--',
  '-',
  'Infinity',
  '-Infinity',
  'NaN',
  '1_000',
  '0.',
  '.',
  'e5',
  '1e',
  '٣',
)

/** Strings a number option may be given. */
const numberish = fc
  .tuple(
    space,
    fc.oneof(
      asciiDigits,
      foreignDigits,
      signed,
      exponent,
      decimal,
      radix,
      special,
      fc.string({ maxLength: 12 }),
    ),
    space,
  )
  .map(([a, v, b]) => a + v + b)

// The whole-number options, with the range each takes.
const COUNTS = [
  { option: '--port', least: 0, most: 65_535 },
  { option: '--seed', least: 0, most: 2 ** 31 },
  { option: '--retry-delay', least: 0, most: MAX_TIMER_MS },
  { option: '--max-reconnects', least: 0, most: Number.MAX_SAFE_INTEGER },
  { option: '--max-events', least: 1, most: Number.MAX_SAFE_INTEGER },
] as const

/** The README's whole number: ASCII digits only (no sign, no space around), within the option's range. */
function wholeNumber(value: string, least: number, most: number): number | undefined {
  if (!/^[0-9]+$/.test(value)) return undefined
  const n = BigInt(value)
  return n >= BigInt(least) && n <= BigInt(most) ? Number(n) : undefined
}

describe('whole-number options (--port, --seed, --retry-delay, --max-reconnects, --max-events)', () => {
  it('take ASCII digits within their range as that number, and refuse anything else naming the option', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COUNTS), numberish, ({ option, least, most }, value) => {
        const expected = wholeNumber(value, least, most)
        if (expected === undefined) {
          const error = thrown(() => countOption(option, value, least, 1, most))
          expectUsageError(error, option)
          expect((error as CliError).hint).toMatch(new RegExp(`^e\\.g\\. ${option} \\d+$`))
        } else expect(countOption(option, value, least, 1, most)).toBe(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('the command refuses such a value with exit 2 before doing anything', async () => {
    const commands: Record<string, string[]> = {
      '--port': ['mock'],
      '--seed': ['mock'],
      '--retry-delay': ['events', 'tail'],
      '--max-reconnects': ['events', 'tail'],
      '--max-events': ['events', 'tail'],
    }
    const env = cliEnv({ AMIGO_API_KEY: 'key_fuzz_0123456789', AMIGO_WORKSPACE_ID: 'ws_fuzz' })
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...COUNTS),
        numberish.filter((v) => !v.includes('\0')),
        fc.boolean(),
        async ({ option, least, most }, value, joined) => {
          fc.pre(wholeNumber(value, least, most) === undefined)
          // `--opt=value` or `--opt value`: either way a value beginning with `-` or `--` (even `--`
          // itself) is this option's value, not another option.
          const given = joined ? [`${option}=${value}`] : [option, value]
          // Last: after a value `--`, the root's parser takes what follows for operands.
          const r = await runCli([...commands[option]!, '--base-url', 'http://127.0.0.1:9', ...given], {
            env,
          })
          expect(r.code, r.stderr).toBe(2)
          expect(r.stderr).toMatch(
            new RegExp(`^error: ${option} must be a whole number from ${least} to ${most}, got "`),
          )
          expect(r.stdout).toBe('')
        },
      ),
      { numRuns: 10, examples: [[COUNTS[0], ' 5', false]] },
    )
  }, 60_000)
})

// The seconds options, with what each takes: a positive number of seconds a timer can wait, or
// (--tolerance, which no timer waits) any number of seconds from 0 a JS number holds exactly.
const SECONDS = [
  { option: '--timeout', zero: false, mostMs: MAX_TIMER_MS },
  { option: '--idle-timeout', zero: false, mostMs: MAX_TIMER_MS },
  { option: '--simulate', zero: false, mostMs: MAX_TIMER_MS },
  { option: '--tolerance', zero: true, mostMs: Number.MAX_SAFE_INTEGER },
] as const

/** The README's seconds: ASCII digits with an optional decimal point and digits, nothing else. */
function seconds(value: string, zero: boolean, mostMs: number): number | undefined {
  if (!/^[0-9]+(\.[0-9]+)?$/.test(value)) return undefined
  const ms = Number(value) * 1000
  return (zero ? ms >= 0 : ms > 0) && ms <= mostMs ? ms : undefined
}

describe('seconds options (--timeout, --idle-timeout, --simulate, --tolerance)', () => {
  it('take a plain decimal number of seconds in range, in ms; refuse the rest naming the option', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SECONDS),
        fc.oneof(numberish, fc.double({ noNaN: true }).map(String)),
        ({ option, zero, mostMs }, value) => {
          const expected = seconds(value, zero, mostMs)
          if (expected !== undefined)
            expect(secondsOption(option, value, '60', { zero, mostMs })).toBe(expected)
          else {
            const error = thrown(() => secondsOption(option, value, '60', { zero, mostMs }))
            expectUsageError(error, option)
            expect((error as CliError).message).toContain(`, at most ${Math.floor(mostMs / 1000)}, got "`)
            expect((error as CliError).hint).toBe(`digits with an optional decimal point, e.g. ${option} 60`)
          }
        },
      ),
      {
        numRuns: 300,
        // JavaScript's own number forms, each of which Number() reads as some other number.
        examples: ['0x10', '1e3', ' 5 ', '0b1', '0o7', '.5', '5.', '+5', 'Infinity', '1_0'].map(
          (v): [(typeof SECONDS)[number], string] => [SECONDS[1], v],
        ),
      },
    )
  })

  it('webhooks trigger --print --timeout exits 0 for such a value, 2 naming --timeout otherwise', async () => {
    const env = cliEnv({ AMIGO_WEBHOOK_SECRET: 'whsec_fuzz_options_0123456789' })
    await fc.assert(
      fc.asyncProperty(
        numberish.filter((v) => !v.includes('\0')),
        async (value) => {
          const r = await runCli(['webhooks', 'trigger', 'call.ended', '--print', `--timeout=${value}`], {
            env,
          })
          if (seconds(value, false, MAX_TIMER_MS) !== undefined) {
            expect(r.code, r.stderr).toBe(0)
            expect(JSON.parse(r.stdout)).toMatchObject({
              headers: { 'x-amigo-signature': expect.any(String) },
            })
          } else {
            expect(r.code, r.stderr).toBe(2)
            expect(r.stderr).toMatch(/^error: --timeout must be a positive number of seconds/)
          }
        },
      ),
      { numRuns: 10, examples: [['0x10'], ['1e3'], [' 5 '], ['2.5']] },
    )
  }, 60_000)
})

// --- URLs ---------------------------------------------------------------------------------------

const PASSWORD = fc
  .string({ unit: 'grapheme', minLength: 4, maxLength: 16 })
  .filter((p) => !/[\s@/\\?#]/.test(p))
  .map((p) => `pw${p}`)
const urlish = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(
      fc.constantFrom('http', 'https', 'HTTP', 'ftp', 'file', 'javascript', 'ws', 'mailto', ''),
      fc.constantFrom('://', ':', ':/', ':\\\\', '//', ''),
      fc.string({ maxLength: 20 }),
    )
    .map(([scheme, sep, rest]) => scheme + sep + rest),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', ' ', '--', '--to', 'http://', 'http://[::1', 'http://127.0.0.1:99999', 'http://a b'),
)

describe('URL options (--base-url, --to)', () => {
  it('take an http(s) URL as that URL; refuse the rest naming the option', () => {
    fc.assert(
      fc.property(fc.constantFrom('--base-url', '--to'), urlish, (option, value) => {
        let expected: URL | undefined
        try {
          expected = new URL(value)
        } catch {}
        const usable =
          expected !== undefined &&
          (expected.protocol === 'http:' || expected.protocol === 'https:') &&
          !expected.username &&
          !expected.password
        if (usable) {
          expect(httpUrlOption(option, value, 'http://x', 'h').href).toBe(expected!.href)
          // A query or fragment would come before every path of the API.
          if (option === '--base-url' && /[?#]/.test(value))
            expectUsageError(
              thrown(() => checkBaseUrl(value)),
              option,
            )
          else if (option === '--base-url')
            expect(checkBaseUrl(value)).toBe(expected!.href.replace(/\/+$/, ''))
        } else
          expectUsageError(
            thrown(() => httpUrlOption(option, value, 'http://x', 'h')),
            option,
          )
      }),
      { numRuns: 300 },
    )
  })

  it('a URL with a password is refused without the password in the message or hint', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('--base-url', '--to'),
        fc.option(
          fc.string({ maxLength: 8 }).filter((u) => !/[\s:@/\\?#]/.test(u)),
          { nil: '' },
        ),
        PASSWORD,
        fc.oneof(fc.webUrl(), fc.string({ maxLength: 20 })),
        (option, user, password, rest) => {
          // Written before a host that parses or one that does not; any scheme.
          const at = rest.indexOf('://')
          const value =
            at < 0
              ? `http://${user}:${password}@${rest}`
              : `${rest.slice(0, at + 3)}${user}:${password}@${rest.slice(at + 3)}`
          const error = thrown(() => httpUrlOption(option, value, 'http://x', 'h')) as CliError
          expectUsageError(error, option)
          expect(`${error.message}\n${error.hint}`).not.toContain(password)
        },
      ),
      { numRuns: 200 },
    )
  })

  describe('webhooks trigger --to', () => {
    let server: Awaited<ReturnType<typeof serveNode>>
    let received = 0
    beforeAll(async () => {
      server = await serveNode((_req, res) => {
        received++
        res.end('ok')
      })
    })
    afterAll(() => server.close())
    const env = cliEnv({ AMIGO_WEBHOOK_SECRET: 'whsec_fuzz_options_0123456789' })

    it('refuses a bad --to with exit 2 naming it, --print or not; with --print, never sends', async () => {
      const loopback = fc
        .tuple(fc.webPath(), fc.webQueryParameters())
        .map(([path, query]) => `${server.url}${path}${query ? `?${query}` : ''}`)
      const refused = urlish.filter((v) => {
        if (v.includes('\0')) return false
        try {
          httpUrlOption('--to', v, '', '')
          return false
        } catch {
          return true
        }
      })
      await fc.assert(
        fc.asyncProperty(fc.oneof(loopback, refused), fc.boolean(), async (to, print) => {
          const good = to.startsWith(server.url)
          const args = ['webhooks', 'trigger', 'call.ended', `--to=${to}`]
          const r = await runCli(good || print ? [...args, '--print'] : args, { env })
          if (good) {
            expect(r.code, r.stderr).toBe(0)
            expect(JSON.parse(r.stdout)).toMatchObject({
              headers: { 'x-amigo-signature': expect.any(String) },
            })
          } else {
            expect(r.code, r.stderr).toBe(2)
            expect(r.stderr).toMatch(/^error: --to /)
          }
          expect(received).toBe(0)
        }),
        // A good URL and an empty one (an unset shell variable) in every run.
        {
          numRuns: 10,
          examples: [
            [`${server.url}/webhooks/amigo`, true],
            ['', true],
          ],
        },
      )
    }, 60_000)
  })
})

// --- an option the command does not have --------------------------------------------------------

describe('an unknown option given a value', () => {
  // Options of some command, none of the root's: given before the command, they are unknown there.
  const notAtRoot = ['secret', 'to', 'file', 'tolerance', 'json', 'port', 'timeout', 'workspace']
  const anyName = fc
    .stringMatching(/^[a-z][a-z-]{1,12}[a-z]$/)
    .filter(
      (n) =>
        !/^(no-)?(color|browser|debug|profile|base-url|help|version|print|since|type|query|data|seed|simulate)$/.test(
          n,
        ),
    )
    .filter(
      (n) => !notAtRoot.includes(n) && !/^(retry-delay|max-reconnects|idle-timeout|max-events)$/.test(n),
    )
  const wrong = fc.oneof(
    fc.tuple(fc.oneof(fc.constantFrom(...notAtRoot), anyName), fc.constant('before the command')),
    fc.tuple(anyName, fc.constantFrom('after it', 'short form')),
  )
  const command = fc.constantFrom(
    ['webhooks', 'verify'],
    ['webhooks', 'trigger', 'call.ended', '--print'],
    ['whoami'],
    ['mock', '--port', 'x'],
  )
  const env = cliEnv({ AMIGO_WEBHOOK_SECRET: 'whsec_fuzz_options_0123456789' })

  it('is refused (exit 2) naming the option, without echoing the value: it may be a misplaced --secret', async () => {
    await fc.assert(
      fc.asyncProperty(
        command,
        wrong,
        fc.string({ unit: 'grapheme', minLength: 6, maxLength: 24 }).map((v) => `whsec_${v}`),
        async (cmd, [opt, where], value) => {
          const flag = where === 'short form' ? `-Z${value}` : `--${opt}=${value}`
          const args = where === 'before the command' ? [flag, ...cmd] : [...cmd, flag]
          const r = await runCli(args, { env })
          expect(r.code, r.stderr).toBe(2)
          expect(r.stdout + r.stderr).not.toContain(value)
          expect(r.stderr.split('\n')[0]).toMatch(
            new RegExp(`^error: unknown option '${where === 'short form' ? '-Z' : `--${opt}=`}`),
          )
        },
      ),
      {
        numRuns: 12,
        examples: [
          [['webhooks', 'verify'], ['secret', 'before the command'], 'whsec_put_before_the_command'],
          [['webhooks', 'verify'], ['secert', 'after it'], 'whsec_mistyped_option_name'],
        ],
      },
    )
  }, 60_000)
})

// --- `amigo api -q key=value` -------------------------------------------------------------------

// Keys and values as a shell passes them (no NUL); keys may be Object.prototype's own names.
const key = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'limit', '--limit', ' '),
  )
  .filter((k) => !k.includes('='))
const value = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('', '=', 'a=b', '--', '1e3', '0x10', '&x=y', '#', '%20'),
)
const pairs = fc.array(fc.tuple(key, value), { maxLength: 6 })

/**
 * The pairs grouped by key, values in the order given: what `-q` promises to send. Sorted by key:
 * the order of different keys is not promised (an object lists integer-like keys first).
 */
function grouped(list: Array<[string, string | string[]]>): Array<[string, string[]]> {
  const out = new Map<string, string[]>()
  for (const [k, v] of list) out.set(k, [...(out.get(k) ?? []), ...[v].flat()])
  return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

const noStdin = process.stdin
const signal = new AbortController().signal

describe('amigo api -q key=value', () => {
  it('each key=value is that parameter (split at the first "="), a repeated key a list', async () => {
    await fc.assert(
      fc.asyncProperty(pairs, async (list) => {
        const query = list.map(([k, v]) => `${k}=${v}`)
        const request = await parseApiRequest('get', '/v1/x', { query, timeout: '60' }, noStdin, signal)
        expect(grouped(Object.entries(request.query))).toEqual(grouped(list))
      }),
      { numRuns: 300 },
    )
  })

  it('a -q without a key before "=" is refused naming --query', async () => {
    const bad = fc.oneof(
      fc.string({ maxLength: 10 }).filter((s) => !s.includes('=')),
      value.map((v) => `=${v}`),
    )
    await fc.assert(
      fc.asyncProperty(pairs, bad, async (list, pair) => {
        const query = [...list.map(([k, v]) => `${k}=${v}`), pair]
        const error = await parseApiRequest('get', '/v1/x', { query, timeout: '60' }, noStdin, signal).catch(
          (e) => e,
        )
        expectUsageError(error, '--query')
        expect(error.message).toBe(`--query "${pair}" is not key=value`)
      }),
      { numRuns: 200 },
    )
  })

  it('the command sends exactly those parameters', async () => {
    const urls: string[] = []
    const server = await serveNode((req, res) => {
      urls.push(req.url ?? '')
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
    const env = cliEnv({
      AMIGO_API_KEY: 'key_fuzz_0123456789',
      AMIGO_WORKSPACE_ID: 'ws_fuzz',
      AMIGO_BASE_URL: server.url,
    })
    try {
      await fc.assert(
        fc.asyncProperty(
          pairs.filter((l) => l.length > 0),
          async (list) => {
            const r = await runCli(
              ['api', 'get', '/v1/{workspace_id}/agents', ...list.flatMap(([k, v]) => ['-q', `${k}=${v}`])],
              {
                env,
              },
            )
            expect(r.code, r.stderr).toBe(0)
            const sent = new URL(urls.at(-1)!, server.url)
            expect(sent.pathname).toBe('/v1/ws_fuzz/agents')
            expect(grouped([...sent.searchParams] as Array<[string, string]>)).toEqual(grouped(list))
          },
        ),
        { numRuns: 10 },
      )
    } finally {
      await server.close()
    }
  }, 60_000)
})
