// `amigo webhooks trigger` at loopback handlers (the webhooks package's own node:http example among
// them) and `amigo webhooks verify` on good, forged, stale and malformed captured deliveries.
import { createHmac } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  resetConnection,
  sequence,
  serveNode,
  startTestServer,
  truncatedBody,
  waitFor,
} from '@amigo-ai/test-server'
import { signWebhookPayload } from '@amigo-ai/webhooks/sign'
import { afterEach, describe, expect, it } from 'vitest'
import { handled } from '../../webhooks/examples/handle-event'
import { amigoWebhookListener } from '../../webhooks/examples/node-http'
import { cliEnv, runCli, spawnCli, tempConfigDir } from './helpers/cli'

const SECRET = 'whsec_cli_test_0123456789abcdef'
const env = cliEnv()
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

async function exampleHandler(secret = SECRET) {
  const served = await serveNode(amigoWebhookListener(secret))
  closers.push(served.close)
  return `${served.url}/webhooks/amigo`
}

const verify = (delivery: string, secret = SECRET, extra: string[] = []) =>
  runCli(['webhooks', 'verify', '--secret', secret, ...extra], { env, input: delivery })

async function signed(body: string, timestamp?: string | number | null) {
  const s = await signWebhookPayload({
    payload: body,
    secret: SECRET,
    ...(timestamp !== undefined ? { timestamp } : {}),
  })
  return JSON.stringify({ headers: s.headers, body })
}

const envelope = JSON.stringify({
  id: 'evt_1',
  type: 'call.ended',
  timestamp: '2026-01-01T00:00:00Z',
  data: {},
})

describe('amigo webhooks trigger', () => {
  it('sends a realistic signed call.ended to the webhooks example handler, which accepts it', async () => {
    const url = await exampleHandler()
    const r = await runCli(['webhooks', 'trigger', 'call.ended', '--to', url, '--secret', SECRET], { env })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toBe('204 No Content\n')
    expect(r.stderr).toContain(`→ POST ${url} (call.ended)`)
    expect(handled.at(-1)).toMatch(/^call CA[0-9a-f]{32} ended after \d+s$/)
  })

  it('the handler refusing it (other secret) prints its status and body, exit 1', async () => {
    const url = await exampleHandler('whsec_the_handlers_own_secret_42')
    const r = await runCli(['webhooks', 'trigger', 'surface.submitted', '--to', url, '--secret', SECRET], {
      env,
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('400 Bad Request\nsignature_mismatch\n')
    expect(r.stderr).toMatch(/^error: the handler answered 400\nhint: /m)
  })

  it('POSTs the exact signed bytes with JSON content type (recorded by a loopback server)', async () => {
    const server = await startTestServer((_req, res) => {
      res.writeHead(200).end('ok')
    })
    closers.push(server.close)
    const r = await runCli(['webhooks', 'trigger', 'trigger.fired', '--to', `${server.url}/hook`], {
      env: cliEnv({ AMIGO_WEBHOOK_SECRET: SECRET }),
    })
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('200 OK\nok\n')
    const [req] = server.requests
    expect(req!.headers['content-type']).toBe('application/json')
    const event = JSON.parse(req!.body)
    expect(event).toMatchObject({ type: 'trigger.fired', data: { trigger_id: expect.any(String) } })
    const resigned = await signWebhookPayload({
      payload: req!.body,
      secret: SECRET,
      timestamp: req!.headers['x-amigo-timestamp'] as string,
    })
    expect(req!.headers['x-amigo-signature']).toBe(resigned.signature)
  })

  it('errors: unknown type (2), no secret (2), bad URL (2), handler down (1)', async () => {
    const unknown = await runCli(
      ['webhooks', 'trigger', 'call.exploded', '--to', 'http://127.0.0.1:9/', '--secret', SECRET],
      { env },
    )
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/unknown event type "call.exploded"\nhint: run 'amigo webhooks list'/)
    const noSecret = await runCli(['webhooks', 'trigger', 'call.ended', '--to', 'http://127.0.0.1:9/'], {
      env,
    })
    expect(noSecret.code).toBe(2)
    expect(noSecret.stderr).toMatch(/hint: pass --secret or set AMIGO_WEBHOOK_SECRET/)
    const badUrl = await runCli(
      ['webhooks', 'trigger', 'call.ended', '--to', 'ftp://x', '--secret', SECRET],
      { env },
    )
    expect(badUrl.code).toBe(2)
    const served = await serveNode((_req, res) => res.end())
    const downUrl = served.url
    await served.close()
    const down = await runCli(['webhooks', 'trigger', 'call.ended', '--to', downUrl, '--secret', SECRET], {
      env,
    })
    expect(down.code).toBe(1)
    expect(down.stderr).toMatch(/^error: cannot reach your handler at .* \(ECONNREFUSED\)$/m)
  })

  it('a --to URL with a user and password is refused (2) without printing the password', async () => {
    const r = await runCli(
      [
        'webhooks',
        'trigger',
        'call.ended',
        '--to',
        'http://me:pw_hidden_123@127.0.0.1:9/x',
        '--secret',
        SECRET,
      ],
      { env },
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^error: --to must not contain a user or password/)
    expect(r.stdout + r.stderr).not.toContain('pw_hidden_123')
  })

  it("the query of a --to URL (a hosted receiver's token) is never shown, however the delivery fails", async () => {
    const served = await serveNode((_req, res) => res.end())
    const downUrl = served.url
    await served.close()
    const silent = await serveNode(() => {})
    closers.push(silent.close)
    const cut = await serveNode((req) => req.socket.destroy())
    closers.push(cut.close)
    const cases: Array<[string, RegExp]> = [
      [downUrl, /^error: cannot reach your handler at (\S+): .*\(ECONNREFUSED\)$/m],
      [silent.url, /^error: your handler at (\S+) did not answer within 0\.5 s$/m],
      [cut.url, /^error: your handler at (\S+) did not answer: /m],
    ]
    for (const [origin, failure] of cases) {
      const to = `${origin}/hook?token=rcv_SECRET_abcdef#rcv_SECRET_fragment`
      const r = await runCli(['webhooks', 'trigger', 'call.ended', '--to', to, '--timeout', '0.5'], {
        env: cliEnv({ AMIGO_WEBHOOK_SECRET: SECRET }),
      })
      expect(r.code, r.stderr).toBe(1)
      expect(r.stderr).toContain(`→ POST ${origin}/hook (call.ended)\n`)
      expect(r.stderr.match(failure)?.[1], r.stderr).toBe(`${origin}/hook`)
      expect(r.stdout + r.stderr).not.toContain('rcv_SECRET')
    }
  })

  it('a handler that never finishes its answer is given up after --timeout (exit 1), not waited on forever', async () => {
    // Headers at once, then a body that never ends (and stays under the 64 KiB shown): the CLI keeps
    // allocating (and collecting garbage) while it waits, which must not lose the timer that ends it.
    const dripping = await serveNode((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      const timer = setInterval(() => res.write(' '.repeat(32)), 1)
      res.on('close', () => clearInterval(timer))
    })
    closers.push(dripping.close)
    const silent = await serveNode(() => {})
    closers.push(silent.close)
    for (const url of [dripping.url, silent.url]) {
      const r = await runCli(['webhooks', 'trigger', 'call.ended', '--to', url, '--timeout', '0.5'], {
        env: cliEnv({ AMIGO_WEBHOOK_SECRET: SECRET }),
      })
      expect(r.code, r.stderr).toBe(1)
      expect(r.stderr).toMatch(/^error: your handler at \S+ did not answer within 0\.5 s\nhint: /m)
    }
    const bad = await runCli(['webhooks', 'trigger', 'call.ended', '--print', '--timeout', '0'], {
      env: cliEnv({ AMIGO_WEBHOOK_SECRET: SECRET }),
    })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^error: --timeout must be a positive number of seconds/)
  }, 20_000)

  it('a handler answering an endless body: its status and first 64 KiB are shown, the rest is not read', async () => {
    const endless = await serveNode((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      const write = () => {
        while (res.write('y'.repeat(1 << 16)));
        res.once('drain', write)
      }
      write()
      res.on('close', () => res.removeAllListeners('drain'))
    })
    closers.push(endless.close)
    const r = await runCli(['webhooks', 'trigger', 'call.ended', '--to', endless.url, '--timeout', '5'], {
      env: cliEnv({ AMIGO_WEBHOOK_SECRET: SECRET }),
    })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toBe(`200 OK\n${'y'.repeat(64 * 1024)}\n`)
    expect(r.stderr).toMatch(/\(the answer is longer: only its first 64 KiB are shown\)/)
  }, 20_000)

  it('a handler that cuts the connection: exit 1 saying so in words, not "cannot reach"', async () => {
    const cutting = await startTestServer(sequence(truncatedBody(), resetConnection()))
    closers.push(cutting.close)
    const trigger = () =>
      runCli(['webhooks', 'trigger', 'call.ended', '--to', cutting.url], {
        env: cliEnv({ AMIGO_WEBHOOK_SECRET: SECRET }),
      })
    const cut = await trigger()
    expect(cut.code).toBe(1)
    expect(cut.stderr).toMatch(
      /\nerror: your handler at \S+ cut its answer off: the connection was closed by the server\nhint: did it crash\?/,
    )
    const reset = await trigger()
    expect(reset.code).toBe(1)
    expect(reset.stderr).toMatch(
      /\nerror: your handler at \S+ did not answer: the connection was reset \(ECONNRESET\)\nhint: did it crash\?/,
    )
    expect(cut.stderr + reset.stderr).not.toMatch(/cannot reach|UND_ERR|terminated/)
  })

  it('Ctrl-C while the handler has not answered: interrupted (130), not "cannot reach"', async () => {
    let arrived = false
    const silent = await serveNode(() => {
      arrived = true
    })
    closers.push(silent.close)
    const cli = spawnCli(['webhooks', 'trigger', 'call.ended', '--to', silent.url], {
      env: cliEnv({ AMIGO_WEBHOOK_SECRET: SECRET }),
      input: '',
    })
    await waitFor(() => arrived, 10_000, 'the delivery')
    cli.child.kill('SIGINT')
    const r = await cli.result
    expect(r.code, r.stderr).toBe(130)
    expect(r.stderr).not.toMatch(/cannot reach/)
  })

  it('webhooks list names every type trigger can send', async () => {
    const r = await runCli(['webhooks', 'list'], { env })
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')).toEqual(
      expect.arrayContaining(['call.ended', 'surface.submitted', 'trigger.fired']),
    )
  })
})

describe('amigo webhooks verify', () => {
  it('a delivery from trigger --print verifies (exit 0); with another secret it does not (exit 4)', async () => {
    const printed = await runCli(['webhooks', 'trigger', 'call.started', '--print', '--secret', SECRET], {
      env,
    })
    expect(printed.code).toBe(0)
    const good = await verify(printed.stdout)
    expect(good.code).toBe(0)
    expect(good.stdout).toMatch(/^✓ verified: call\.started evt_\d+ \(timestamp \d+\)\n$/)
    const wrong = await verify(printed.stdout, 'whsec_some_other_secret_999')
    expect(wrong.code).toBe(4)
    expect(wrong.stdout).toMatch(/^✗ not verified: bad signature/)
  })

  it('trigger --print with a secret that occurs in the body prints the delivery as signed, which verifies', async () => {
    const printed = await runCli(['webhooks', 'trigger', 'call.ended', '--print', '--secret', 'call'], {
      env,
    })
    expect(printed.code).toBe(0)
    expect(printed.stderr).toMatch(/^note: the signing secret occurs in the body it signs/)
    expect(JSON.parse(JSON.parse(printed.stdout).body).type).toBe('call.ended')
    expect((await verify(printed.stdout, 'call')).code).toBe(0)
  })

  it("a verified delivery's id and type are shown with their control characters escaped", async () => {
    const hostile = JSON.stringify({
      id: 'evt_1\u001b]0;owned\u0007',
      type: 'call.ended',
      timestamp: '2026-01-01T00:00:00Z',
      data: {},
    })
    const r = await verify(await signed(hostile))
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^✓ verified: call\.ended evt_1\\x1b\]0;owned\\x07 \(timestamp \d+\)\n$/)
  })

  it('an altered body is a bad signature (4)', async () => {
    const delivery = JSON.parse(await signed(envelope))
    delivery.body = delivery.body.replace('evt_1', 'evt_2')
    expect((await verify(JSON.stringify(delivery))).code).toBe(4)
  })

  it('too old (5), unless --tolerance allows it; in the future (5)', async () => {
    const old = await signed(envelope, Math.floor(Date.now() / 1000) - 3600)
    const r = await verify(old)
    expect(r.code).toBe(5)
    expect(r.stdout).toMatch(/too old: signed more than 300s ago/)
    expect((await verify(old, SECRET, ['--tolerance', '7200'])).code).toBe(0)
    const future = await verify(await signed(envelope, Math.floor(Date.now() / 1000) + 3600))
    expect(future.code).toBe(5)
    expect(future.stdout).toMatch(/in the future/)
  })

  it('malformed headers (6): missing signature, not hex, bad timestamp', async () => {
    const missing = await verify(JSON.stringify({ headers: {}, body: envelope }))
    expect(missing.code).toBe(6)
    expect(missing.stdout).toMatch(/malformed header: no x-amigo-signature/)
    const notHex = await verify(
      JSON.stringify({ headers: { 'x-amigo-signature': 'sha256=zz' }, body: envelope }),
    )
    expect(notHex.code).toBe(6)
    // Signed by hand: the signer refuses a timestamp no verifier reads, and this one must carry it.
    const mac = createHmac('sha256', SECRET).update(`v1:yesterday:${envelope}`).digest('hex')
    const badTime = await verify(
      JSON.stringify({
        headers: { 'x-amigo-signature': `sha256=${mac}`, 'x-amigo-timestamp': 'yesterday' },
        body: envelope,
      }),
    )
    expect(badTime.code).toBe(6)
    expect(badTime.stdout).toMatch(/x-amigo-timestamp is not/)
  })

  it('reads raw HTTP request text, cutting the body at Content-Length', async () => {
    const s = await signWebhookPayload({ payload: envelope, secret: SECRET })
    const raw = [
      'POST /webhooks/amigo HTTP/1.1',
      'Host: 127.0.0.1:3000',
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(envelope)}`,
      `X-Amigo-Signature: ${s.signature}`,
      `X-Amigo-Timestamp: ${s.timestamp}`,
      '',
      `${envelope}\n`,
    ].join('\r\n')
    const file = join(tempConfigDir(), 'delivery.http')
    writeFileSync(file, raw)
    const r = await runCli(['webhooks', 'verify', '--secret', SECRET, '--file', file], { env })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toMatch(/✓ verified: call\.ended evt_1/)
  })

  it('an empty --file or --tolerance (an unset shell variable) is a usage error, not stdin or 0 s; so is a --tolerance not in plain digits', async () => {
    const delivery = await signed(envelope)
    const noFile = await verify(delivery, SECRET, ['--file', ''])
    expect(noFile.code).toBe(2)
    expect(noFile.stderr).toMatch(/^error: --file needs a path/)
    // An empty --tolerance, and JavaScript's other number forms (Number() reads these as 16, 1000, 300).
    for (const bad of ['', '0x10', '1e3', ' 300']) {
      const r = await verify(delivery, SECRET, ['--tolerance', bad])
      expect(r.code, bad).toBe(2)
      expect(r.stderr).toMatch(/^error: --tolerance must be a number of seconds from 0, at most \d+, got "/)
    }
  })

  it('input that is not a delivery is a usage error (2) naming the problem', async () => {
    for (const [input, message] of [
      ['hello', /neither JSON .* nor raw HTTP/],
      ['{"headers": {}, "body": {"id": 1}}', /"body" as a string/],
      ['{"headers": ', /not valid JSON/],
    ] as const) {
      const r = await verify(input)
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(message)
    }
  })
})
