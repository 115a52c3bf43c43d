// `amigo api` against the platform mock with an API key from the environment: typed transport,
// {workspace_id} filled in, pretty or raw JSON on stdout, the request id on stderr, and every kind
// of bad input or failure as one line with its own exit code.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { MockPlatform } from '@amigo-ai/platform-mock'
import { resetConnection, sequence, serveNode, startTestServer, truncatedBody } from '@amigo-ai/test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEnv, runCli, spawnCli, tempConfigDir } from './helpers/cli'
import { apiKeyEnv, startFastMock } from './helpers/mock'

let mock: MockPlatform
let env: NodeJS.ProcessEnv
beforeAll(async () => {
  mock = await startFastMock()
  env = cliEnv(apiKeyEnv(mock))
})
afterAll(() => mock.close())

const api = (args: string[], input?: string, e = env) => runCli(['api', ...args], { env: e, input })
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /)

/** A server answering `{}` to everything, and the URLs it was asked for. */
async function urlRecorder() {
  const urls: string[] = []
  const server = await serveNode((req, res) => {
    urls.push(req.url ?? '')
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{}')
  })
  return { server, urls }
}

/**
 * What `amigo api get` writes to a pipe (every byte, as a Buffer) when the platform answers every
 * request with `body` as `type`.
 */
async function pipedAnswer(type: string, body: string | Buffer, extra: string[]): Promise<Buffer> {
  const server = await serveNode((_req, res) => {
    res.writeHead(200, { 'content-type': type }).end(body)
  })
  try {
    // A process: what reaches a real pipe, byte for byte.
    const cli = spawnCli(['api', 'get', '/v1/{workspace_id}/export', ...extra], {
      env: cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: server.url }),
      input: '',
    })
    const received: Buffer[] = []
    cli.child.stdout!.on('data', (c: Buffer) => received.push(c))
    const r = await cli.result
    expect(r.code, r.stderr).toBe(0)
    return Buffer.concat(received)
  } finally {
    await server.close()
  }
}

describe('amigo api', () => {
  it('GET with query parameters: pretty JSON on stdout, status and request id on stderr', async () => {
    const r = await api(['get', '/v1/{workspace_id}/agents', '-q', 'limit=2'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^\{\n {2}"items": \[/)
    expect(JSON.parse(r.stdout).items).toHaveLength(2)
    expect(r.stderr).toMatch(/^HTTP 200 · request id req_mock_\d+\n$/)
    const sent = mock.requests.at(-1)!
    expect(sent.path).toBe(`/v1/${mock.workspaceId}/agents`)
    expect(sent.query).toMatchObject({ limit: '2' })
  })

  it('-q sends parameters named like Object properties (__proto__, constructor) exactly as given', async () => {
    const { server, urls } = await urlRecorder()
    try {
      const pairs = ['__proto__=x', 'constructor=y', '__proto__=x2', 'toString=z', 'hasOwnProperty=w']
      const r = await api(
        ['get', '/v1/{workspace_id}/agents', ...pairs.flatMap((p) => ['-q', p])],
        undefined,
        cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: server.url }),
      )
      expect(r.code, r.stderr).toBe(0)
      expect(urls).toEqual([
        `/v1/${mock.workspaceId}/agents?__proto__=x&__proto__=x2&constructor=y&toString=z&hasOwnProperty=w`,
      ])
    } finally {
      await server.close()
    }
  })

  it('a query written into the path is sent with the -q parameters, not swallowed by them', async () => {
    const { server, urls } = await urlRecorder()
    try {
      const r = await api(
        ['get', '/v1/{workspace_id}/agents?limit=1&tag=a+b%26c', '-q', 'tag=d'],
        undefined,
        cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: server.url }),
      )
      expect(r.code, r.stderr).toBe(0)
      expect(urls).toEqual([`/v1/${mock.workspaceId}/agents?limit=1&tag=a%20b%26c&tag=d`])
    } finally {
      await server.close()
    }
  })

  it('a "#" in the path (which would silently drop the query) is a usage error; nothing is sent', async () => {
    const before = mock.requests.length
    const r = await api(['get', '/v1/{workspace_id}/agents#top', '-q', 'limit=1'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^error: the path must not contain "#"/)
    expect(mock.requests.length).toBe(before)
  })

  it('--json prints the body exactly as the API sent it', async () => {
    const r = await api(['GET', '/v1/{workspace_id}/agents', '--json'])
    expect(r.code).toBe(0)
    const direct = await fetch(`${mock.url}/v1/${mock.workspaceId}/agents`, {
      headers: { authorization: `Bearer ${mock.apiKey}` },
    })
    expect(r.stdout).toBe(await direct.text())
  })

  it('--json or a pipe: a text body in another charset goes as its bytes, not decoded as UTF-8', async () => {
    const bytes = Buffer.from('name\nJos\xe9 Mu\xf1oz', 'latin1')
    for (const extra of [[], ['--json']])
      expect(await pipedAnswer('text/csv; charset=iso-8859-1', bytes, extra)).toEqual(bytes)
  })

  it('a body that says "bearer" is data: printed unaltered, pretty or not; only the secrets the CLI holds are filtered', async () => {
    // Neither a phrase nor a JSON string quoting a header is a credential the CLI holds; the
    // pattern that filters its messages took "bearer on" for one and cut `abc\` out of `abc\"`.
    const body = `{"note":"paid to bearer on demand","quoted":"{\\"k\\":\\"Bearer abc\\"}","echo":"${mock.apiKey}"}`
    const expected = body.replace(mock.apiKey, '[REDACTED]')
    expect((await pipedAnswer('application/json', body, ['--json'])).toString()).toBe(expected)
    const pretty = JSON.parse((await pipedAnswer('application/json', body, [])).toString())
    expect(pretty).toEqual(JSON.parse(expected))
  })

  it('a binary body (audio, a downloaded file) reaches a pipe byte for byte, nothing added', async () => {
    // Not UTF-8: a zero byte, 0xff 0xfe, a lone continuation byte; and a final line break of its own.
    const bytes = Buffer.from([0x4f, 0x67, 0x67, 0x53, 0x00, 0xff, 0xfe, 0x80, 0xc3, 0x0a])
    for (const extra of [[], ['--json']]) expect(await pipedAnswer('audio/ogg', bytes, extra)).toEqual(bytes)
  })

  it('pretty JSON keeps numbers exactly as sent (big ids, decimals), not rounded to a double', async () => {
    const server = await serveNode((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"id":12345678901234567890,"amount":1.10,"rate":1E-7,"items":[],"meta":{},"s":"café"}')
    })
    try {
      const r = await api(
        ['get', '/v1/{workspace_id}/ledger'],
        undefined,
        cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: server.url }),
      )
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout).toBe(
        '{\n  "id": 12345678901234567890,\n  "amount": 1.10,\n  "rate": 1E-7,\n  "items": [],\n  "meta": {},\n  "s": "café"\n}\n',
      )
    } finally {
      await server.close()
    }
  })

  it('POST with --data inline, from a file and from stdin creates agents', async () => {
    const dir = tempConfigDir()
    const file = join(dir, 'agent.json')
    writeFileSync(file, JSON.stringify({ name: 'From a file' }))
    for (const [data, input, name] of [
      ['{"name":"Inline"}', undefined, 'Inline'],
      [`@${file}`, undefined, 'From a file'],
      ['@-', '{"name":"From stdin"}', 'From stdin'],
    ] as const) {
      const r = await api(['post', '/v1/{workspace_id}/agents', '--data', data], input)
      expect(r.code, r.stderr).toBe(0)
      expect(JSON.parse(r.stdout).name).toBe(name)
    }
  })

  it('bad JSON is a usage error that says where, never quoting the body (it may hold a secret); nothing is sent', async () => {
    const before = mock.requests.length
    const cases: Array<[string[], string | undefined, string]> = [
      // Integration credentials pasted without quotes, the most common slip.
      [['-d', '{"name":"crm","auth":{"api_key_value": sk_live_9f8e7d6c5b4a}}'], undefined, ''],
      [['-d', 'hunter2'], undefined, ''],
      [['-d', '{"name":"sk_live_9f8e7d6c5b4a"'], undefined, ' (at character 30)'],
      [['-d', '@-'], '{"auth": {"key": "sk_live_9f8e7d6c5b4a"} x}', ' (from stdin, at character 41)'],
    ]
    for (const [data, input, where] of cases) {
      const r = await api(['post', '/v1/{workspace_id}/agents', ...data], input)
      expect(r.code).toBe(2)
      expect(r.stderr).toBe(
        `error: --data is not valid JSON${where}\nhint: e.g. -d '{"name":"Front desk"}': keys and strings in double quotes\n`,
      )
    }
    expect(mock.requests.length).toBe(before)
  })

  it('--data is sent as written: big ids, 1.10, 1e999 and repeated keys arrive unchanged', async () => {
    const text = '{"id":12345678901234567890,"price":1.10,"big":1e999,"a":1,"a":2}\n'
    const received: Array<{ body: string; type?: string }> = []
    const server = await serveNode((req, res) => {
      let body = ''
      req.setEncoding('utf8')
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        received.push({ body, type: req.headers['content-type'] })
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      })
    })
    try {
      const e = cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: server.url })
      for (const [data, input] of [
        [text, undefined],
        ['@-', text],
      ] as const) {
        const r = await api(['post', '/v1/{workspace_id}/ledger', '-d', data], input, e)
        expect(r.code, r.stderr).toBe(0)
      }
      expect(received).toEqual([
        { body: text, type: 'application/json' },
        { body: text, type: 'application/json' },
      ])
    } finally {
      await server.close()
    }
  })

  it('other usage errors: method, path, query, missing path parameter, unreadable file', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['fetch', '/v1/x'], /unknown method "fetch"/],
      [['get', 'v1/agents'], /the path must start with "\/"/],
      [['get', '/v1/{workspace_id}/agents', '-q', 'limit'], /--query "limit" is not key=value/],
      [
        ['get', '/v1/{workspace_id}/agents/{agent_id}'],
        /path parameter "agent_id" of GET \/v1\/{workspace_id}\/agents\/{agent_id} is missing/,
      ],
      [
        ['post', '/v1/{workspace_id}/agents', '-d', '@/nonexistent/file.json'],
        /cannot read --data file .*ENOENT/,
      ],
      [['get', '/v1/{workspace_id}/agents', '-d', '{}'], /--data needs post/],
    ]
    for (const [args, message] of cases) {
      const r = await api(args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(message)
      noStack(r.stderr)
    }
  })

  it('an HTTP error prints one line with status, the API message and request id; exit 1', async () => {
    const r = await api(['get', '/v1/{workspace_id}/agents/00000000-0000-4000-8000-000000000000'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^error: HTTP 404: .+ \(request id req_mock_\d+\)\n$/)
  })

  it('a 422 names the bad fields', async () => {
    const r = await api(['post', '/v1/{workspace_id}/agents', '-d', '{}'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error: HTTP 422: .*name.*\(request id req_mock_\d+\)/)
  })

  it('a key the platform refuses is exit 3 with a sign-in hint, and the key is never printed', async () => {
    const bad = 'amg_live_not_a_real_key_0123456789'
    const r = await api(
      ['get', '/v1/{workspace_id}/agents', '--debug'],
      undefined,
      cliEnv({ ...apiKeyEnv(mock), AMIGO_API_KEY: bad }),
    )
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(/^error: HTTP 401: /)
    expect(r.stderr).toMatch(/hint: run 'amigo login'/)
    expect(r.stdout + r.stderr).not.toContain(bad)
  })

  it('AMIGO_API_KEY without AMIGO_WORKSPACE_ID is exit 3', async () => {
    const r = await api(
      ['get', '/v1/{workspace_id}/agents'],
      undefined,
      cliEnv({ AMIGO_API_KEY: mock.apiKey, AMIGO_BASE_URL: mock.url }),
    )
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(/AMIGO_WORKSPACE_ID is not/)
  })

  it('an AMIGO_WORKSPACE_ID that cannot be a path segment is a usage error naming it; nothing is sent', async () => {
    const before = mock.requests.length
    for (const [id, problem] of [
      ['..', 'is the dot segment ".."'],
      ['ws/1', 'contains "/"'],
    ]) {
      const r = await api(
        ['get', '/v1/{workspace_id}/agents'],
        undefined,
        cliEnv({ ...apiKeyEnv(mock), AMIGO_WORKSPACE_ID: id }),
      )
      expect(r.code).toBe(2)
      expect(r.stderr).toBe(
        `error: AMIGO_WORKSPACE_ID ${problem}\nhint: set it to the id of the workspace the key belongs to\n`,
      )
    }
    expect(mock.requests.length).toBe(before)
  })

  it('a platform that is down: exit 1, "cannot reach" and a hint', async () => {
    const down = await startFastMock()
    const url = down.url
    await down.close()
    const r = await api(
      ['get', '/v1/{workspace_id}/agents'],
      undefined,
      cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: url }),
    )
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error: cannot reach the platform: .*ECONNREFUSED/)
    expect(r.stderr).toMatch(/hint: .*--base-url/)
    expect(r.stderr.match(/ECONNREFUSED/g)).toHaveLength(1)
    noStack(r.stderr)
  })

  it('a platform that cuts the connection: exit 1 saying so in words, not "cannot reach"', async () => {
    const cutting = await startTestServer(sequence(truncatedBody(), resetConnection()))
    try {
      const e = cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: cutting.url })
      // POSTs: tried once, so each run meets one fault.
      const cut = await api(['post', '/v1/{workspace_id}/agents', '-d', '{}'], undefined, e)
      expect(cut.code).toBe(1)
      expect(cut.stderr).toBe(
        "error: the platform's answer was cut off: the connection was closed by the server\nhint: try again\n",
      )
      const reset = await api(['post', '/v1/{workspace_id}/agents', '-d', '{}'], undefined, e)
      expect(reset.code).toBe(1)
      expect(reset.stderr).toBe(
        'error: the platform did not answer: the connection was reset (ECONNRESET)\nhint: try again\n',
      )
      expect(cutting.requests).toHaveLength(2)
    } finally {
      await cutting.close()
    }
  })

  it('a platform that never answers: --timeout gives up with exit 1 instead of hanging', async () => {
    const silent = await serveNode(() => {})
    try {
      const started = Date.now()
      const r = await api(
        ['get', '/v1/{workspace_id}/agents', '--timeout', '0.1'],
        undefined,
        cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: silent.url }),
      )
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/^error: .*timed out after 100 ?ms/i)
      expect(Date.now() - started).toBeLessThan(10_000)
      noStack(r.stderr)
    } finally {
      await silent.close()
    }
  })

  it('a --timeout that is not a positive number of seconds is a usage error', async () => {
    for (const bad of ['0', '-1', 'soon', '', '1e12']) {
      const r = await api(['get', '/v1/{workspace_id}/agents', '--timeout', bad])
      expect(r.code, bad).toBe(2)
      expect(r.stderr).toMatch(/^error: --timeout must be/)
    }
  })

  it("a proxy's HTML error page is named as such, not printed", async () => {
    const proxy = await serveNode((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' })
      res.end('<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body></html>')
    })
    try {
      const r = await api(
        ['get', '/v1/{workspace_id}/agents'],
        undefined,
        cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: proxy.url }),
      )
      expect(r.code).toBe(1)
      expect(r.stderr).toBe(
        'error: HTTP 502: the answer is an HTML page, not the API (a proxy or gateway in between?)\n',
      )
    } finally {
      await proxy.close()
    }
  })

  it("a server's error message cannot write control characters to the terminal; it stays one line", async () => {
    const hostile = await serveNode((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ detail: 'gone\u001b[2J\u001b]0;owned\u0007\nsecond line\r' }))
    })
    try {
      const r = await api(
        ['get', '/v1/{workspace_id}/agents', '--debug'],
        undefined,
        cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: hostile.url }),
      )
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/^error: HTTP 404: gone\\x1b\[2J\\x1b\]0;owned\\x07 second line \n/)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for raw control characters
      expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/)
    } finally {
      await hostile.close()
    }
  })

  it('a --base-url that is not a URL is a usage error that does not quote it (a token pasted there)', async () => {
    for (const value of ['not a url', 'sk_live_SECRET_unknown_0123', 'not a url?token=tok_SECRET_123']) {
      const r = await runCli(['api', 'get', '/v1/x', '--base-url', value], { env })
      expect(r.code).toBe(2)
      expect(r.stderr).toBe('error: --base-url is not a URL\nhint: e.g. http://127.0.0.1:4010\n')
    }
  })

  it('a --base-url with a query or fragment is a usage error naming --base-url, without quoting it', async () => {
    for (const value of [`${mock.url}/?token=tok_SECRET_123`, `${mock.url}#tok_SECRET_123`, `${mock.url}?`]) {
      const r = await runCli(['api', 'get', '/v1/x', '--base-url', value], { env })
      expect(r.code).toBe(2)
      expect(r.stderr).toBe(
        'error: --base-url must not contain a query or fragment\nhint: e.g. http://127.0.0.1:4010\n',
      )
    }
  })
})

describe('credentials from the environment, named as such', () => {
  it('whoami says the key was not checked, and the call it suggests checks it', async () => {
    const who = await runCli(['whoami'], { env })
    expect(who.code).toBe(0)
    expect(who.stdout).toMatch(/source +AMIGO_API_KEY/)
    const [, suggested] = who.stderr.match(/'amigo (api get [^']+)' tries it/) ?? []
    expect(suggested).toBeDefined()
    const good = await runCli(suggested!.split(' '), { env })
    expect(good.code, good.stderr).toBe(0)
    const bad = await runCli(suggested!.split(' '), { env: { ...env, AMIGO_API_KEY: 'amg_wrong_key' } })
    expect(bad.code).toBe(3)
  })

  it('a bad AMIGO_API_KEY or AMIGO_BASE_URL is named as the variable, not as an option', async () => {
    const key = await runCli(['whoami'], { env: { ...env, AMIGO_API_KEY: 'key\u0001' } })
    expect(key.code).toBe(2)
    expect(key.stderr).toMatch(/^error: AMIGO_API_KEY contains characters not allowed in an HTTP header/)
    for (const value of ['127.0.0.1:4010', 'ftp://x.test']) {
      const base = await runCli(['whoami'], { env: { ...env, AMIGO_BASE_URL: value } })
      expect(base.code, value).toBe(2)
      expect(base.stderr, value).toMatch(/^error: AMIGO_BASE_URL /)
    }
    const flag = await runCli(['whoami', '--base-url', 'ftp://x.test'], { env })
    expect(flag.stderr).toMatch(/^error: --base-url must be an http or https URL/)
  })
})
