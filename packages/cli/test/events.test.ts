// `amigo events tail` against the mock while it produces events: JSON lines when piped, type
// filters, resuming after dropped connections without losing or repeating events, Ctrl-C
// ending it cleanly with exit 0, and --idle-timeout ending a stream that stays silent.
import type { MockPlatform } from '@amigo-ai/platform-mock'
import { serveNode, sse, startSilentServer, waitFor } from '@amigo-ai/test-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cliEnv, type RunningCli, runCli, type SpawnedCli, spawnCli } from './helpers/cli'
import { apiKeyEnv, startFastMock } from './helpers/mock'

let mock: MockPlatform
let env: NodeJS.ProcessEnv
beforeEach(async () => {
  mock = await startFastMock()
  env = cliEnv(apiKeyEnv(mock))
})
afterEach(() => mock.close())

const lines = (cli: RunningCli) =>
  cli.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))

// A process: Ctrl-C (SIGINT) ends it, and a reader that goes away is its stdout closing.
async function tail(args: string[] = []): Promise<SpawnedCli> {
  const cli = spawnCli(['events', 'tail', '--retry-delay', '10', ...args], { env })
  await cli.waitFor(/Listening for events in workspace/)
  return cli
}

async function stop(cli: SpawnedCli) {
  cli.child.kill('SIGINT')
  return cli.result
}

// A stream that sends these events at once and then stays open, counting connections and closes.
async function serveEvents(types: string[]) {
  const seen = { connections: 0, closed: 0 }
  const served = await serveNode((_req, res) => {
    seen.connections++
    res.once('close', () => seen.closed++)
    const writer = sse(res)
    for (const [i, type] of types.entries())
      writer.send({ id: String(i + 1), event: type, data: { n: i + 1 } })
  })
  const run = (args: string[]) =>
    runCli(['events', 'tail', '--retry-delay', '0', ...args], {
      env: cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: served.url }),
    })
  return { seen, run, close: served.close }
}

describe('amigo events tail', () => {
  it('prints one JSON line per event when piped, and Ctrl-C ends it with exit 0', async () => {
    const cli = await tail()
    mock.emit('call.started', { call_sid: 'CA1', direction: 'inbound', service_id: 's1' })
    mock.emit('surface.created', { surface_id: 'sf1', entity_id: 'e1' })
    await cli.waitFor(/surface\.created/, 'stdout')
    const r = await stop(cli)
    expect(r.code).toBe(0)
    expect(r.stderr).not.toMatch(/error|\n\s+at /)
    const events = lines(cli)
    expect(events.map((e) => e.type)).toEqual(['call.started', 'surface.created'])
    expect(events[0]).toMatchObject({ data: { call_sid: 'CA1', direction: 'inbound' } })
    expect(events[0].id).toMatch(/^\d+$/)
  })

  it('a reader that stops reading (| head) ends it quietly with exit 0, no stack trace', async () => {
    const cli = await tail()
    cli.child.stdout!.destroy()
    // Our end of the socket closes a moment later, and a write that came first still succeeds (CI
    // once saw both events written before it, and then a stream that never wrote again): events
    // keep coming until a write finds the reader gone, as they would for `| head`.
    const more = setInterval(() => mock.emit('call.started', { call_sid: 'CA1' }), 50)
    const r = await cli.result.finally(() => clearInterval(more))
    expect(r.code).toBe(0)
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /)
  })

  it('a reader that stops reading after the first event is not an --idle-timeout failure: exit 0', async () => {
    // A program that spawned it (a socket, as here) and closed its end after the line it wanted;
    // no event follows, so no write tells the CLI: the idle timeout asks before it fails.
    const cli = await tail(['--idle-timeout', '3'])
    mock.emit('call.started', { call_sid: 'CA1' })
    await cli.waitFor(/call\.started/, 'stdout')
    cli.child.stdout!.destroy()
    const r = await cli.result
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).not.toMatch(/error|EPIPE|\n\s+at /)
  })

  it('--type keeps only matching events (wildcards, repeated and comma-separated)', async () => {
    const cli = await tail(['--type', 'call.*', '--type', 'trigger.fired,review.submitted'])
    mock.emit('surface.created', { surface_id: 'sf1' })
    mock.emit('call.ended', { call_sid: 'CA1' })
    mock.emit('trigger.completed', { trigger_id: 't' })
    mock.emit('trigger.fired', { trigger_id: 't' })
    mock.emit('review.submitted', { item_id: 'r' })
    await cli.waitFor(/review\.submitted/, 'stdout')
    await stop(cli)
    expect(lines(cli).map((e) => e.type)).toEqual(['call.ended', 'trigger.fired', 'review.submitted'])
  })

  it('survives dropped connections: every event once, in order, resuming from the last id', async () => {
    mock.injectFault({ sseDropEvery: 2 })
    const cli = await tail()
    for (let i = 1; i <= 7; i++) mock.emit('call.started', { call_sid: `CA${i}` })
    await cli.waitFor(/"CA7"/, 'stdout')
    await stop(cli)
    expect(lines(cli).map((e) => e.data.call_sid)).toEqual(['CA1', 'CA2', 'CA3', 'CA4', 'CA5', 'CA6', 'CA7'])
    expect(cli.stderr).toMatch(/Connection lost \(.+\); reconnecting/)
    expect(cli.stderr).toMatch(/Reconnected, resuming after event \d+/)
  })

  it('says why each reconnect happens, so a stream that never connects explains itself', async () => {
    const html = await serveNode((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<html>sign in</html>')
    })
    try {
      const cli = spawnCli(['events', 'tail', '--retry-delay', '1'], {
        env: cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: html.url }),
      })
      await cli.waitFor(/attempt 2\)/)
      cli.child.kill('SIGINT')
      await cli.result
      expect(cli.stderr).toMatch(
        /Connection lost \(Expected text\/event-stream, got "text\/html"\); reconnecting in \d+ ms \(attempt 1\)/,
      )
    } finally {
      await html.close()
    }
  })

  it('a server that cuts the stream: the reconnect notes and the final error say so in words', async () => {
    // One event, then the socket goes: closed (FIN) on odd connections, reset (RST) on even ones.
    let connections = 0
    const cutting = await serveNode((req, res) => {
      const n = ++connections
      const writer = sse(res)
      writer.send({ id: String(n), event: 'call.started', data: { call_sid: `CA${n}` } })
      setTimeout(() => (n % 2 ? writer.destroy() : req.socket.resetAndDestroy()), 5)
    })
    try {
      const r = await runCli(['events', 'tail', '--retry-delay', '0'], {
        env: cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: cutting.url }),
      })
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(
        /Connection lost \(the connection was closed by the server\); reconnecting in \d+ ms \(attempt 1\)/,
      )
      expect(r.stderr).toMatch(/Connection lost \(the connection was reset \(ECONNRESET\)\); reconnecting/)
      expect(r.stderr).toMatch(
        /\nerror: the event stream gave up after .*; the last one: the connection was closed by the server\n/,
      )
      expect(r.stderr).not.toMatch(/terminated|other side closed|fetch failed|\n\s+at /)
    } finally {
      await cutting.close()
    }
  })

  /** `amigo events tail <args>` against a server that drops every connection; how many it took. */
  async function tailDropped(args: string[]) {
    let connections = 0
    const dropping = await serveNode((req) => {
      connections++
      req.socket.destroy()
    })
    try {
      const r = await runCli(['events', 'tail', ...args], {
        env: cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: dropping.url }),
      })
      return { ...r, connections }
    } finally {
      await dropping.close()
    }
  }

  it('--max-reconnects 0: no reconnect, and the line counts one failed connection', async () => {
    const r = await tailDropped(['--max-reconnects', '0'])
    expect(r.code).toBe(1)
    expect(r.connections).toBe(1)
    expect(r.stderr).not.toMatch(/reconnecting in/)
    expect(r.stderr).toMatch(
      /^error: the event stream gave up after 1 failed connection in a row \(--max-reconnects 0\); the last one: \S.*\n$/,
    )
  })

  it('--max-reconnects 1 against a server that drops every connection: one reconnect, then a line naming it', async () => {
    const r = await tailDropped(['--retry-delay', '0', '--max-reconnects', '1'])
    expect(r.code).toBe(1)
    expect(r.connections).toBe(2)
    expect(r.stderr.match(/reconnecting in \d+ ms \(attempt \d+\)/g)).toEqual([
      expect.stringMatching(/attempt 1\)$/),
    ])
    expect(r.stderr).toMatch(
      /\nerror: the event stream gave up after 2 failed connections in a row \(--max-reconnects 1\); the last one: \S.*\n$/,
    )
    expect(r.stderr).not.toMatch(/maxReconnects/)
  })

  it('--max-events 2 prints two events of the five sent, closes the stream and exits 0', async () => {
    const server = await serveEvents([
      'call.started',
      'call.ended',
      'call.started',
      'call.ended',
      'call.started',
    ])
    try {
      const r = await server.run(['--max-events', '2'])
      expect(r.code).toBe(0)
      expect(
        r.stdout
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l).id),
      ).toEqual(['1', '2'])
      expect(r.stderr).not.toMatch(/error|Connection lost/)
      expect(r.stderr).toMatch(/^Listening for events in workspace \S+ \(until 2 printed, or Ctrl-C\)\n/)
      await waitFor(() => server.seen.closed === 1, 3000, 'the stream to be closed')
      expect(server.seen.connections).toBe(1)
    } finally {
      await server.close()
    }
  })

  it('--max-events counts only the events that pass --type', async () => {
    const server = await serveEvents([
      'surface.created',
      'call.started',
      'surface.updated',
      'call.ended',
      'call.started',
    ])
    try {
      const r = await server.run(['--type', 'call.*', '--max-events', '2'])
      expect(r.code).toBe(0)
      const printed = r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
      expect(printed.map((e) => [e.id, e.type])).toEqual([
        ['2', 'call.started'],
        ['4', 'call.ended'],
      ])
    } finally {
      await server.close()
    }
  })

  it('--since replays the events after that id first', async () => {
    const first = mock.emit('call.started', { call_sid: 'CA-old' })
    mock.emit('call.ended', { call_sid: 'CA-newer' })
    const cli = await tail(['--since', String(first.id)])
    await cli.waitFor(/CA-newer/, 'stdout')
    await stop(cli)
    expect(lines(cli).map((e) => e.data.call_sid)).toEqual(['CA-newer'])
  })

  it('a --retry-delay that is empty, not in digits or longer than a timer can wait is a usage error naming it', async () => {
    for (const bad of ['', '99999999999', '1e3']) {
      const r = await runCli(['events', 'tail', '--retry-delay', bad], { env })
      expect(r.code, bad).toBe(2)
      expect(r.stderr).toMatch(/^error: --retry-delay must be a whole number from 0 to 2147483647, got "/)
    }
  })

  it('--idle-timeout ends a stream that is accepted and then stays silent: exit 1, one line', async () => {
    let connections = 0
    const silent = await serveNode((_req, res) => {
      connections++
      sse(res)
    })
    try {
      const started = Date.now()
      const r = await runCli(['events', 'tail', '--idle-timeout', '0.2'], {
        env: cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: silent.url }),
      })
      expect(r.code).toBe(1)
      expect(r.stdout).toBe('')
      // The timeout counts from the command's start, so on a loaded machine it may end the command
      // before the connection has opened: the Listening note is there only when it had.
      const listening = /^Listening for events in workspace \S+ \(Ctrl-C to stop\)\n/.test(r.stderr)
      expect(r.stderr).toMatch(
        /^(Listening for events in workspace \S+ \(Ctrl-C to stop\)\n)?error: no events for 0\.2 s \(--idle-timeout\)\n$/,
      )
      expect(Date.now() - started).toBeGreaterThanOrEqual(200)
      expect(connections).toBeLessThanOrEqual(1)
      if (listening) expect(connections).toBe(1)
    } finally {
      await silent.close()
    }
  })

  it('--idle-timeout also counts while connecting: a platform that accepts and never answers cannot hang it', async () => {
    const silent = await startSilentServer()
    try {
      // Long enough for a loaded machine to start the CLI and connect (the server counts the connection).
      const r = await runCli(['events', 'tail', '--idle-timeout', '1'], {
        env: cliEnv({ ...apiKeyEnv(mock), AMIGO_BASE_URL: silent.url.replace(/^ws:/, 'http:') }),
      })
      expect(r.code).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toBe('error: no events for 1 s (--idle-timeout)\n')
      expect(silent.accepted).toBeGreaterThanOrEqual(1)
    } finally {
      await silent.close()
    }
  })

  it('--idle-timeout: the events that came are printed, then the silence ends it', async () => {
    const first = mock.emit('call.started', { call_sid: 'CA-old' })
    mock.emit('call.started', { call_sid: 'CA1' })
    mock.emit('call.ended', { call_sid: 'CA1' })
    // Long enough for a loaded machine to connect: the count runs while connecting, and only the
    // first open starts it over.
    const r = await runCli(['events', 'tail', '--since', String(first.id), '--idle-timeout', '1.5'], {
      env,
    })
    expect(r.code).toBe(1)
    const types = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l).type)
    expect(types).toEqual(['call.started', 'call.ended'])
    expect(r.stderr).toMatch(/\nerror: no events for 1\.5 s \(--idle-timeout\)\n$/)
  })

  it('an --idle-timeout that is not a plain positive number of seconds a timer can wait is a usage error', async () => {
    // JavaScript's number forms too: Number() reads them as 16, 1000, 5 and 1.
    for (const bad of ['0', '-1', 'soon', '', 'Infinity', '1e12', '0x10', '1e3', ' 5 ', '0b1']) {
      const r = await runCli(['events', 'tail', '--idle-timeout', bad], { env })
      expect(r.code, bad).toBe(2)
      expect(r.stderr).toBe(
        `error: --idle-timeout must be a positive number of seconds, at most 2147483, got "${bad}"\nhint: digits with an optional decimal point, e.g. --idle-timeout 300\n`,
      )
    }
    expect(mock.requests.filter((q) => q.path.endsWith('/events/stream'))).toEqual([])
  }, 60_000)

  it('a --max-reconnects or --max-events that is not a whole number in range is a usage error naming it', async () => {
    const rules = { '--max-reconnects': { least: 0, example: 3 }, '--max-events': { least: 1, example: 1 } }
    const cases = [
      ['--max-reconnects', ''],
      ['--max-reconnects', '-1'],
      ['--max-reconnects', '1.5'],
      ['--max-reconnects', 'never'],
      ['--max-reconnects', '1e400'],
      ['--max-events', '0'],
      ['--max-events', 'all'],
      ['--max-events', '99999999999999999999'],
    ] as const
    for (const [option, bad] of cases) {
      const r = await runCli(['events', 'tail', option, bad], { env })
      expect(r.code, `${option} ${bad}`).toBe(2)
      const { least, example } = rules[option]
      expect(r.stderr).toBe(
        `error: ${option} must be a whole number from ${least} to 9007199254740991, got "${bad}"\nhint: e.g. ${option} ${example}\n`,
      )
    }
    expect(mock.requests.filter((q) => q.path.endsWith('/events/stream'))).toEqual([])
  }, 60_000)

  it('a --since that cannot travel as an event id (not Latin-1, a line break) is a usage error naming it', async () => {
    for (const bad of ['日本', 'evt\n1', 'evt\r1']) {
      const r = await runCli(['events', 'tail', '--since', bad], { env })
      expect(r.code, bad).toBe(2)
      expect(r.stderr).toBe(
        'error: --since must be an event id: Latin-1 text without line breaks\nhint: the id of an event printed earlier (the "id" of a JSON line)\n',
      )
    }
    expect(mock.requests.filter((q) => q.path.endsWith('/events/stream'))).toEqual([])
  })

  it('a bad --type pattern is a usage error; a refused key ends with exit 3', async () => {
    const bad = await runCli(['events', 'tail', '--type', 'call ended'], { env })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--type "call ended" is not an event type pattern/)
    const refused = await runCli(['events', 'tail'], {
      env: cliEnv({ ...apiKeyEnv(mock), AMIGO_API_KEY: 'amg_bogus_key_123456' }),
    })
    expect(refused.code).toBe(3)
    expect(refused.stderr).toMatch(/^error: HTTP 401/)
  })
})
