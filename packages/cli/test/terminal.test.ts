// What only a terminal shows, checked in-process with stand-in TTY streams: the workspace picker,
// clickable links, colours (and NO_COLOR), and the event line format.
import { PassThrough } from 'node:stream'
import { serveNode, sse } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { printBody } from '../src/api/print-body'
import eventsTail from '../src/commands/events-tail'
import trigger from '../src/commands/webhooks-trigger'
import { CliError } from '../src/errors/cli-error'
import { eventJsonLine, eventLine } from '../src/events/format-event'
import { typeFilter } from '../src/events/type-filter'
import { colorsFor, wantsColor } from '../src/io/colors'
import { Output, type Terminal } from '../src/io/output'
import { prettyJson } from '../src/io/pretty-json'
import { workspacePicker } from '../src/login/choose-workspace'
import { showCode } from '../src/login/show-code'

function fakeTerminal(tty: boolean): Terminal & { stdin: PassThrough; written: () => string } {
  const tag = <T extends object>(s: T) =>
    Object.assign(s, { isTTY: tty, columns: 80, rows: 24, setRawMode: () => s })
  const stderr = tag(new PassThrough())
  let text = ''
  stderr.on('data', (c) => {
    text += c
  })
  return {
    stdin: tag(new PassThrough()),
    stdout: tag(new PassThrough()),
    stderr,
    env: {},
    written: () => text,
  }
}

const choices = [
  { workspace_id: 'ws-a', name: 'Clinic A', role: 'owner' },
  { workspace_id: 'ws-b', name: 'Clinic B', role: 'member' },
]

describe('workspace picker', () => {
  it('on a terminal, arrows and Enter choose a workspace', async () => {
    const term = fakeTerminal(true)
    const pick = workspacePicker({ output: new Output(term) })(choices)
    setTimeout(() => term.stdin.write('\u001b[B'), 20)
    setTimeout(() => term.stdin.write('\r'), 40)
    expect(await pick).toBe('ws-b')
    expect(term.written()).toContain('Clinic A (ws-a)')
  })

  it('--workspace answers without asking, and must be one of the offered ones', async () => {
    const output = new Output(fakeTerminal(false))
    expect(await workspacePicker({ output, preferred: 'ws-a' })(choices)).toBe('ws-a')
    await expect(workspacePicker({ output, preferred: 'ws-z' })(choices)).rejects.toThrow(
      /ws-z is not one of yours/,
    )
  })

  it('without a terminal it refuses with a usage error naming the choices', async () => {
    const error = await workspacePicker({ output: new Output(fakeTerminal(false)) })(choices).catch((e) => e)
    expect(error).toBeInstanceOf(CliError)
    expect(error.exitCode).toBe(2)
    expect(error.message).toBe('your account has 2 workspaces: ws-a, ws-b')
  })
})

describe('terminal output', () => {
  it('the sign-in link is an OSC 8 hyperlink on a terminal and the plain URL elsewhere', () => {
    const issuance = {
      device_code: 'dc',
      user_code: 'AB-CD',
      verification_uri: 'https://x.test/device',
      verification_uri_complete: 'https://x.test/device?code=AB-CD',
      expires_in: 600,
      interval: 5,
    }
    const onTerminal = fakeTerminal(true)
    showCode(new Output(onTerminal), issuance)
    expect(onTerminal.written()).toContain('\u001b]8;;https://x.test/device?code=AB-CD\u0007')
    const piped = fakeTerminal(false)
    showCode(new Output(piped), issuance)
    expect(piped.written()).toContain('To sign in, open https://x.test/device?code=AB-CD\n')
    expect(piped.written()).not.toContain('\u001b')
  })

  it("an identity service's or event stream's control characters are shown, not obeyed", () => {
    const piped = fakeTerminal(false)
    showCode(new Output(piped), {
      device_code: 'dc',
      user_code: 'AB\u001b[2J-CD',
      verification_uri: 'https://x.test/d\u001b[8m',
      verification_uri_complete: '',
      expires_in: 600,
      interval: 5,
    })
    expect(piped.written()).toContain('shows the code AB\\x1b[2J-CD\n')
    expect(piped.written()).not.toContain('\u001b')
    const line = eventLine({ type: 'call.\u001b[2Jended', data: {} }, colorsFor({ isTTY: false }, {}))
    expect(line).toContain('call.\\x1b[2Jended')
    expect(line).not.toContain('\u001b')
  })

  it('colours only on a terminal, never with NO_COLOR or --no-color, always with FORCE_COLOR', () => {
    expect(wantsColor({ isTTY: true }, {})).toBe(true)
    expect(wantsColor({ isTTY: false }, {})).toBe(false)
    expect(wantsColor({ isTTY: true }, { NO_COLOR: '' })).toBe(false)
    expect(wantsColor({ isTTY: true }, {}, true)).toBe(false)
    expect(wantsColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true)
  })

  it('pretty JSON colours keys, strings, numbers and literals on a terminal only', () => {
    const value = { name: 'x', n: 2, ok: true, none: null }
    expect(prettyJson(JSON.stringify(value), colorsFor({ isTTY: false }, {}))).toBe(
      JSON.stringify(value, null, 2),
    )
    const coloured = prettyJson(JSON.stringify(value), colorsFor({ isTTY: true }, {}))
    expect(coloured).toContain('\u001b[34m"name"\u001b[39m:')
    expect(coloured).toContain('\u001b[32m"x"\u001b[39m')
    expect(coloured).toContain('\u001b[33m2\u001b[39m')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping the colour escapes
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(JSON.stringify(value, null, 2))
  })

  it('pretty JSON is laid out as JSON.stringify(value, null, 2) would, whatever the spacing sent', () => {
    const plain = colorsFor({ isTTY: false }, {})
    const values = [
      { a: [], b: {}, c: [[], [{}], { d: [1, [2, { e: null }]] }], 'k"{[,:]}': 'v,:{}[]"\\' },
      [{ caf\u00e9: '\u00e9\u{1f600}\u2028', tab: '\t', nul: '\u0000' }, -0.5, 1e21, true, false],
      'just a string',
      42,
      [],
      {},
    ]
    for (const value of values) {
      const expected = JSON.stringify(value, null, 2)
      expect(prettyJson(JSON.stringify(value), plain)).toBe(expected)
      expect(prettyJson(` \r\n${JSON.stringify(value, null, '\t')}\n `, plain)).toBe(expected)
    }
    expect(prettyJson('{"s":"caf\\u00e9"}', plain)).toBe('{\n  "s": "café"\n}')
    expect(prettyJson('{"id": 12345678901234567890, "x": -1.50E+3}', plain)).toBe(
      '{\n  "id": 12345678901234567890,\n  "x": -1.50E+3\n}',
    )
    expect(prettyJson('{"not": json}', plain)).toBe('{"not": json}')
  })

  it('pretty JSON nested too deep to lay out is printed as it came', () => {
    const plain = colorsFor({ isTTY: false }, {})
    const nested = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`
    expect(prettyJson(nested(100), plain)).toBe(JSON.stringify(JSON.parse(nested(100)), null, 2))
    expect(prettyJson(nested(101), plain)).toBe(nested(101))
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const term = fakeTerminal(false)
    printBody(new TextEncoder().encode(deep), 'application/json', new Output(term), false)
    expect(String((term.stdout as PassThrough).read())).toBe(`${deep}\n`)
  })

  it('a binary body is not written onto a terminal; a note on stderr says how to keep it', () => {
    const term = fakeTerminal(true)
    printBody(new Uint8Array([0x1b, 0x5b, 0x32, 0x4a, 0xff]), 'audio/ogg', new Output(term), false)
    expect((term.stdout as PassThrough).read()).toBeNull()
    expect(term.written()).toBe(
      '(5 bytes of audio/ogg, not shown on a terminal: redirect stdout to a file to keep them)\n',
    )
  })

  it('event lines show time, type and fields', () => {
    const line = eventLine(
      { type: 'call.ended', data: { call_sid: 'CA1' } },
      colorsFor({ isTTY: false }, {}),
      new Date('2026-01-01T10:11:12Z'),
    )
    expect(line).toBe(`10:11:12 ${'call.ended'.padEnd(24)} {"call_sid":"CA1"}`)
  })

  it('type filters match exact names and wildcards', () => {
    const accept = typeFilter(['call.*', 'surface.submitted'])
    expect(['call.ended', 'surface.submitted', 'surface.created', 'callx'].filter(accept)).toEqual([
      'call.ended',
      'surface.submitted',
    ])
    expect(typeFilter([])('anything')).toBe(true)
  })
})

// What a hostile server or handler might send: retitle the window (OSC 0), clear the screen, and a
// carriage return that lets the rest of the line overwrite what came before it.
const HOSTILE = 'safe\u001b]0;owned\u0007\u001b[2J\rfake\n\tnext line'
const HOSTILE_SHOWN = 'safe\\x1b]0;owned\\x07\\x1b[2J fake\n\tnext line'
const stdoutOf = (term: Terminal) => String((term.stdout as PassThrough).read() ?? '')

describe('text a server sends, on stdout', () => {
  it("a response body's control characters are shown escaped on a terminal, lines and tabs kept", () => {
    for (const raw of [false, true]) {
      const term = fakeTerminal(true)
      printBody(new TextEncoder().encode(HOSTILE), 'text/plain', new Output(term), raw)
      expect(stdoutOf(term)).toBe(`${HOSTILE_SHOWN}\n`)
    }
  })

  it('a JSON body is escaped before it is coloured, so only our own colour codes reach the terminal', () => {
    const term = fakeTerminal(true)
    term.env.FORCE_COLOR = '1'
    const notJson = `{"name": "${HOSTILE}"}`
    printBody(new TextEncoder().encode(notJson), 'application/json', new Output(term), false)
    const shown = stdoutOf(term)
    expect(shown).toContain('safe\\x1b]0;owned\\x07')
    expect(shown).not.toContain('\u0007')
    expect(shown).not.toContain('\r')
  })

  it('valid JSON pretty-printed shows DEL, C1 and bidirectional controls as \\u escapes, sent raw or escaped', () => {
    const value = { file: 'invoice_\u202efdp.exe', note: 'a\u009b2Jb\u007fc\u2066d', plain: 'é' }
    const bodies = [
      JSON.stringify(value),
      '{"file":"invoice_\\u202efdp.exe","note":"a\\u009b2Jb\\u007fc\\u2066d","plain":"\\u00e9"}',
    ]
    for (const body of bodies) {
      const term = fakeTerminal(true)
      printBody(new TextEncoder().encode(body), 'application/json', new Output(term), false)
      const shown = stdoutOf(term)
      expect(shown).toContain('invoice_\\u202efdp.exe')
      expect(shown).not.toMatch(/[\u007f-\u009f\u202e\u2066]/)
      // To a pipe it is still pretty JSON of the same value.
      const piped = fakeTerminal(false)
      printBody(new TextEncoder().encode(body), 'application/json', new Output(piped), false)
      const text = stdoutOf(piped)
      expect(text).toContain('\n  "file": ')
      expect(JSON.parse(text)).toEqual(value)
    }
    // Sent as escapes, the text is valid JSON on a terminal too, and pretty-printed with them.
    const term = fakeTerminal(true)
    term.env.NO_COLOR = '1'
    printBody(new TextEncoder().encode(bodies[1] as string), 'application/json', new Output(term), false)
    expect(stdoutOf(term)).toContain('"note": "a\\u009b2Jb\\u007fc\\u2066d"')
  })

  it('to a pipe or file, a text body goes byte for byte as it came', () => {
    const term = fakeTerminal(false)
    printBody(new TextEncoder().encode(HOSTILE), 'text/plain', new Output(term), false)
    expect(stdoutOf(term)).toBe(HOSTILE)
  })

  it('on a terminal, a text body is decoded with its charset; an unknown one is read as UTF-8', () => {
    const latin1 = Buffer.from('Jos\xe9 Mu\xf1oz', 'latin1')
    for (const raw of [false, true]) {
      const term = fakeTerminal(true)
      printBody(latin1, 'text/plain; charset="ISO-8859-1"', new Output(term), raw)
      expect(stdoutOf(term)).toBe('José Muñoz\n')
    }
    const term = fakeTerminal(true)
    printBody(Buffer.from('José'), 'text/plain; charset=x-unknown', new Output(term), false)
    expect(stdoutOf(term)).toBe('José\n')
  })

  it('event lines show the C1 and bidirectional controls of event fields escaped on a terminal', () => {
    const e = { id: '7', type: 'call.ended', data: { note: 'ok\u009b2J \u202egnp.exe\u2066\u200f\u061c' } }
    const shown = 'ok\\x9b2J \\u202egnp.exe\\u2066\\u200f\\u061c'
    expect(eventLine(e, colorsFor({ isTTY: false }, {}), new Date(0))).toBe(
      `00:00:00 ${'call.ended'.padEnd(24)} {"note":"${shown}"}`,
    )
    expect(eventJsonLine(e, true)).toBe(`{"id":"7","type":"call.ended","data":{"note":"${shown}"}}`)
    expect(eventJsonLine(e, false)).toBe(JSON.stringify({ id: '7', type: e.type, data: e.data }))
  })

  it('events tail --json on a terminal shows them escaped; to a pipe the event goes as received', async () => {
    const data = { note: 'a\u202eb\u009bc\u007f' }
    const stream = await serveNode((_req, res) => {
      sse(res).send({ id: '1', event: 'call.ended', data })
    })
    try {
      for (const tty of [true, false]) {
        const term = fakeTerminal(tty)
        term.env = { AMIGO_API_KEY: 'amg_terminal_test_key', AMIGO_WORKSPACE_ID: 'ws1' }
        const ctx = {
          options: { baseUrl: stream.url },
          output: new Output(term, true),
          term,
          signal: new AbortController().signal,
        }
        const opts = { type: [], json: true, retryDelay: '0', maxReconnects: '0', maxEvents: '1' }
        expect(await eventsTail(ctx, opts)).toBe(0)
        const note = tty ? 'a\\u202eb\\x9bc\\x7f' : data.note
        expect(stdoutOf(term)).toBe(`{"id":"1","type":"call.ended","data":{"note":"${note}"}}\n`)
      }
    } finally {
      await stream.close()
    }
  })

  it("webhooks trigger shows a handler's answer escaped on a terminal", async () => {
    const handler = await serveNode((_req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(HOSTILE)
    })
    try {
      const term = fakeTerminal(true)
      const ctx = { options: {}, output: new Output(term, true), term, signal: new AbortController().signal }
      const opts = { to: `${handler.url}/hook`, secret: 'whsec_terminal_test_0123456789', timeout: '5' }
      await expect(trigger(ctx, 'call.ended', opts)).rejects.toThrow('the handler answered 400')
      expect(stdoutOf(term)).toBe(`400 Bad Request\n${HOSTILE_SHOWN}\n`)
    } finally {
      await handler.close()
    }
  })
})
