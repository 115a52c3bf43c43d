// No secret ever reaches the terminal: API keys, access and refresh tokens and webhook secrets stay
// out of stdout and stderr, in successes, failures, --debug output and echoed handler bodies.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { serveNode } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { printBody } from '../src/api/print-body'
import { CliError } from '../src/errors/cli-error'
import { reportError } from '../src/errors/report-error'
import { Output } from '../src/io/output'
import { Secrets } from '../src/io/secrets'
import { type CliResult, cliEnv, runCli, runSpawnedCli, startCli, tempConfigDir } from './helpers/cli'
import { startFastMock } from './helpers/mock'

const WEBHOOK_SECRET = 'whsec_never_print_me_0123456789'

function expectClean(results: CliResult[], secrets: string[]) {
  for (const r of results)
    for (const s of secrets) {
      expect(r.stdout).not.toContain(s)
      expect(r.stderr).not.toContain(s)
    }
}

describe('secrets stay out of the output', () => {
  it('API key, tokens and webhook secret, across commands, failures and --debug', async () => {
    const mock = await startFastMock()
    const dir = tempConfigDir()
    const results: CliResult[] = []
    try {
      const keyEnv = cliEnv({
        AMIGO_BASE_URL: mock.url,
        AMIGO_API_KEY: mock.apiKey,
        AMIGO_WORKSPACE_ID: mock.workspaceId,
      })
      results.push(await runCli(['api', 'get', '/v1/{workspace_id}/agents', '--debug'], { env: keyEnv }))
      results.push(await runCli(['api', 'get', '/v1/{workspace_id}/nope', '--debug'], { env: keyEnv }))
      results.push(await runCli(['whoami', '--debug'], { env: keyEnv }))
      // An error body echoing the credentials back is redacted too.
      const echo = await serveNode((req, res) => {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ detail: `bad auth header ${req.headers.authorization}` }))
      })
      results.push(
        await runCli(['api', 'get', '/v1/{workspace_id}/agents', '--debug'], {
          env: { ...keyEnv, AMIGO_BASE_URL: echo.url },
        }),
      )
      // A webhook handler that echoes the signing secret back.
      const hook = await serveNode((_req, res) => res.writeHead(400).end(`expected secret ${WEBHOOK_SECRET}`))
      results.push(
        await runCli(
          ['webhooks', 'trigger', 'call.ended', '--to', hook.url, '--secret', WEBHOOK_SECRET, '--debug'],
          { env: keyEnv },
        ),
      )
      results.push(
        await runCli(['webhooks', 'verify', '--secret', WEBHOOK_SECRET, '--debug'], {
          env: keyEnv,
          input: '{"headers":{},"body":"x"}',
        }),
      )
      await echo.close()
      await hook.close()

      const loginEnv = cliEnv({ AMIGO_BASE_URL: mock.url, AMIGO_CONFIG_DIR: dir })
      const login = startCli(['login', '--no-browser', '--debug'], { env: loginEnv })
      const [, code] = await login.waitFor(/shows the code ([A-Z]{4}-[A-Z]{4})/)
      mock.approveDeviceCode(code!)
      results.push(await login.result)
      const stored = JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8'))
      results.push(await runCli(['whoami', '--json', '--debug'], { env: loginEnv }))
      results.push(
        await runCli(
          ['events', 'tail', '--debug', '--retry-delay', '1', '--base-url', 'http://127.0.0.1:9'],
          { env: loginEnv },
        ),
      )
      mock.expireToken(stored.access_token)
      results.push(await runCli(['api', 'get', '/v1/{workspace_id}/agents', '--debug'], { env: loginEnv }))

      expect(results.some((r) => r.stderr.includes('[REDACTED]'))).toBe(true)
      expectClean(results, [mock.apiKey, stored.access_token, stored.refresh_token, WEBHOOK_SECRET])
    } finally {
      await mock.close()
    }
  })
})

describe('one run, one set of secrets', () => {
  it('what a run remembered does not change what a later run in the same process prints', async () => {
    const earlier = 'key_of_an_earlier_run_0123456789'
    const echo = await serveNode((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ note: earlier }))
    })
    try {
      const env = cliEnv({ AMIGO_BASE_URL: echo.url, AMIGO_API_KEY: earlier, AMIGO_WORKSPACE_ID: 'ws_1' })
      const args = ['api', 'get', '/v1/{workspace_id}/agents', '--json']
      const first = await runCli(args, { env })
      expect(first.stdout).toBe('{"note":"[REDACTED]"}')
      const later = await runCli(args, { env: { ...env, AMIGO_API_KEY: 'key_of_a_later_run_0123456789' } })
      expect(later.stdout).toBe(`{"note":"${earlier}"}`)
    } finally {
      await echo.close()
    }
  })
})

// A secret pasted where another value belongs (swapped variables, a shifted argument) is quoted by
// the usage error that refuses it: every secret the run knows is registered with the filter before
// any option or argument is checked.
describe('a known secret given as the value of another option or argument', () => {
  const KEY = 'amg_test_swapped_0123456789abcdef'
  const ACCESS = 'at-STORED-SECRET-0123456789'
  const REFRESH = 'rt-STORED-SECRET-0123456789'

  async function expectRefused(cases: Array<[string[], NodeJS.ProcessEnv]>, secrets: string[]) {
    for (const [args, env] of cases) {
      const r = await runCli(args, { env })
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2)
      expect(r.stderr, args.join(' ')).toMatch(/^error: /)
      expectClean([r], secrets)
    }
  }

  it('the API key from the environment, in any option or argument', async () => {
    const env = cliEnv({ AMIGO_API_KEY: KEY, AMIGO_WORKSPACE_ID: 'ws_1' })
    const base = { ...env, AMIGO_BASE_URL: 'http://127.0.0.1:9' }
    await expectRefused(
      [
        [['whoami'], { ...env, AMIGO_BASE_URL: KEY }],
        [['--base-url', KEY, 'api', 'get', '/v1/x'], env],
        [['api', KEY, '/v1/x'], base],
        [['api', 'get', KEY], base],
        [['api', 'get', '/v1/x', '-q', KEY], base],
        [['api', 'get', '/v1/x', '--timeout', KEY], base],
        [['api', 'post', '/v1/x', '-d', KEY], base],
        [['api', 'post', '/v1/x', '-d', `{"key": ${KEY}}`], base],
        [['events', 'tail', '--max-events', KEY], base],
        [['webhooks', 'trigger', 'call.ended', '--secret', WEBHOOK_SECRET, '--to', KEY], env],
      ],
      [KEY],
    )
  })

  it("a stored login's tokens, in any option or argument", async () => {
    const dir = tempConfigDir()
    writeFileSync(
      join(dir, 'credentials.json'),
      JSON.stringify({
        access_token: ACCESS,
        refresh_token: REFRESH,
        workspace_id: 'ws_1',
        expires_at: Math.floor(Date.now() / 1000) + 3600,
        identity_base_url: 'http://127.0.0.1:9',
      }),
      { mode: 0o600 },
    )
    const env = cliEnv({ AMIGO_CONFIG_DIR: dir })
    await expectRefused(
      [
        [['whoami'], { ...env, AMIGO_BASE_URL: ACCESS }],
        [['--base-url', REFRESH, 'api', 'get', '/v1/x'], env],
        [['api', 'get', ACCESS], env],
        [['api', 'get', '/v1/x', '--timeout', REFRESH], env],
        [['api', 'post', '/v1/x', '-d', `[${ACCESS}]`], env],
        [['events', 'tail', '--idle-timeout', REFRESH], env],
      ],
      [ACCESS, REFRESH],
    )
  })

  it('the webhook secret from the environment, in any command', async () => {
    const env = cliEnv({
      AMIGO_WEBHOOK_SECRET: WEBHOOK_SECRET,
      AMIGO_API_KEY: KEY,
      AMIGO_WORKSPACE_ID: 'ws_1',
    })
    await expectRefused(
      [
        [['webhooks', 'trigger', 'call.ended', '--to', WEBHOOK_SECRET], env],
        [['api', 'get', WEBHOOK_SECRET], env],
      ],
      [WEBHOOK_SECRET],
    )
  })
})

describe('a text body written to a pipe as received', () => {
  it('has the secret replaced and every other byte as sent, in UTF-8 or another charset', () => {
    const secret = 'whsec_piped_body_0123456789'
    const secrets = new Secrets()
    secrets.remember(secret)
    for (const [encoding, type] of [
      ['utf8', 'application/json'],
      ['latin1', 'text/plain; charset=iso-8859-1'],
    ] as const) {
      const chunks: Buffer[] = []
      const stdout = Object.assign(new PassThrough(), { isTTY: false }).on('data', (c) => chunks.push(c))
      const term = { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {} }
      printBody(
        Buffer.from(`{"s":"Jos\u00e9 ${secret}"}`, encoding),
        type,
        new Output(term, false, secrets),
        true,
      )
      expect(Buffer.concat(chunks)).toEqual(Buffer.from('{"s":"Jos\u00e9 [REDACTED]"}', encoding))
    }
  })

  it('in UTF-16 too, little- or big-endian, with or without a byte order mark', () => {
    const secret = 'whsec_piped_body_0123456789'
    const secrets = new Secrets()
    secrets.remember(secret)
    const utf16 = (text: string, bigEndian: boolean) => {
      const bytes = Buffer.from(text, 'utf16le')
      return bigEndian ? bytes.swap16() : bytes
    }
    for (const [bigEndian, type] of [
      [false, 'application/json; charset=utf-16le'],
      [true, 'application/json; charset=utf-16be'],
      [false, 'text/plain; charset=utf-16'],
    ] as const)
      for (const bom of ['', '\ufeff']) {
        const chunks: Buffer[] = []
        const stdout = Object.assign(new PassThrough(), { isTTY: false }).on('data', (c) => chunks.push(c))
        const term = { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {} }
        printBody(
          utf16(`${bom}{"s":"Jos\u00e9 ${secret}"}`, bigEndian),
          type,
          new Output(term, false, secrets),
          true,
        )
        expect(Buffer.concat(chunks), type).toEqual(utf16(`${bom}{"s":"Jos\u00e9 [REDACTED]"}`, bigEndian))
      }
  })

  it('amigo api: a server echoing the key in a UTF-16 body, to a pipe with --json', async () => {
    const key = 'sk_live_SECRETKEY_0123456789'
    const echo = await serveNode((req, res) => {
      const text = JSON.stringify({ key: req.headers.authorization?.replace(/^Bearer /, '') })
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-16le' })
      res.end(Buffer.from(`\ufeff${text}`, 'utf16le'))
    })
    try {
      const env = cliEnv({ AMIGO_BASE_URL: echo.url, AMIGO_API_KEY: key, AMIGO_WORKSPACE_ID: 'ws_1' })
      const r = await runCli(['api', 'get', '/v1/{workspace_id}/keys', '--json'], { env })
      expect(r.code, r.stderr).toBe(0)
      // The collected stdout is the UTF-16 bytes read as UTF-8: every other character a NUL.
      const shown = r.stdout.replaceAll('\u0000', '')
      expect(shown).toContain('"key":"[REDACTED]"')
      expect(shown).not.toContain('SECRETKEY')
    } finally {
      await echo.close()
    }
  })
})

// Secrets holding characters the CLI escapes on the way out: for a terminal (`\x1b`, a tab or line
// break turned into a space) or inside JSON (`"`, `\\`, control characters as `\u001b`). The filter
// must still know them, whatever was escaped first.
describe('a secret holding a character the output escapes', () => {
  /** The pieces of `secret` between its odd characters: none of them may be shown either. */
  const pieces = (secret: string) => secret.split(/\W/).filter((p) => p.length >= 6)

  function expectHidden(shown: string, secret: string) {
    expect(pieces(secret).length).toBeGreaterThan(1)
    for (const piece of pieces(secret)) expect(shown).not.toContain(piece)
    expect(shown).toContain('[REDACTED]')
  }

  function terminal() {
    const text = { stdout: '', stderr: '' }
    const stream = (name: 'stdout' | 'stderr') =>
      Object.assign(new PassThrough(), { isTTY: true }).on('data', (c) => {
        text[name] += c
      })
    const term = { stdout: stream('stdout'), stderr: stream('stderr'), stdin: new PassThrough(), env: {} }
    return { term, text }
  }

  it('an error message, hint and --debug detail on a terminal', () => {
    for (const secret of [
      'whsec_escape\u001bcharacter_0123',
      'whsec_tab\tand\nbreak_0123456',
      'whsec_quote"and\\slash_0123',
    ]) {
      const secrets = new Secrets()
      secrets.remember(secret)
      const { term, text } = terminal()
      const error = Object.assign(new CliError(`the handler said ${secret}`, { hint: `not ${secret}` }), {
        body: { echoed: secret },
      })
      reportError(error, term, true, secrets)
      expectHidden(text.stderr, secret)
    }
  })

  it("a handler's answer or a server's JSON body escaped for a terminal", () => {
    const secret = 'whsec_answer\u0007bell\u007fdel_0123'
    const secrets = new Secrets()
    secrets.remember(secret)
    const { term, text } = terminal()
    const output = new Output(term, false, secrets)
    output.print(output.received(`expected ${secret}`))
    output.print(output.received(JSON.stringify({ secret })))
    expectHidden(text.stdout, secret)
  })

  it('the built CLI: an API key with a quote, echoed in a JSON body, pretty or --json', async () => {
    const key = 'key_quote"inside_0123456789'
    const echo = await serveNode((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ you_sent: req.headers.authorization?.replace(/^Bearer /, '') }))
    })
    try {
      const env = cliEnv({ AMIGO_BASE_URL: echo.url, AMIGO_API_KEY: key, AMIGO_WORKSPACE_ID: 'ws_1' })
      for (const json of [[], ['--json']]) {
        const r = await runSpawnedCli(['api', 'get', '/v1/{workspace_id}/agents', ...json], { env })
        expect(r.code, r.stderr).toBe(0)
        expectHidden(r.stdout + r.stderr, key)
      }
    } finally {
      await echo.close()
    }
  })
})

// Identity requests are form posts: a server quoting the body it received shows a token holding `/`,
// `+`, `=` or a space percent-encoded (`rt%2FAbc%2BDef%3D%3D`), which is not the text remembered.
describe('a secret echoed percent-encoded', () => {
  const REFRESH = 'rt/SECRET+Abc== ~tail'

  it('an error message in any of its encodings, upper- or lower-case hex', () => {
    const secrets = new Secrets()
    secrets.remember(REFRESH)
    const form = new URLSearchParams({ s: REFRESH }).toString().slice(2)
    const uri = encodeURIComponent(REFRESH)
    const lower = form.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())
    const text = { stderr: '' }
    const stderr = Object.assign(new PassThrough(), { isTTY: false }).on('data', (c) => {
      text.stderr += c
    })
    const term = { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env: {} }
    reportError(new CliError(`could not parse ${form} ${uri} ${lower}`), term, false, secrets)
    expect(text.stderr).toBe('error: could not parse [REDACTED] [REDACTED] [REDACTED]\n')
  })

  it('the built CLI: whoami with a refresh the identity service refuses, quoting the form body', async () => {
    const echo = await serveNode((req, res) => {
      let body = ''
      req.on('data', (c) => {
        body += c
      })
      req.on('end', () => {
        res.writeHead(400, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({ error: 'invalid_grant', error_description: `could not parse body: ${body}` }),
        )
      })
    })
    try {
      // A refused refresh signs the profile out: each run starts from the same stored login.
      for (const debug of [[], ['--debug']]) {
        const dir = tempConfigDir()
        writeFileSync(
          join(dir, 'credentials.json'),
          JSON.stringify({
            access_token: 'at/SECRET+Xyz==',
            refresh_token: REFRESH,
            workspace_id: 'ws_1',
            expires_at: 1,
            identity_base_url: echo.url,
          }),
          { mode: 0o600 },
        )
        const r = await runSpawnedCli(['whoami', ...debug], { env: cliEnv({ AMIGO_CONFIG_DIR: dir }) })
        expect(r.code).toBe(3)
        expect(r.stderr).toContain('refresh_token=[REDACTED]')
        expect(r.stdout + r.stderr).not.toMatch(/SECRET/)
      }
    } finally {
      await echo.close()
    }
  })
})
