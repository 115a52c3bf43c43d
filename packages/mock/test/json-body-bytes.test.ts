// A JSON body is decoded from its bytes as the API (FastAPI, json.loads) decodes them: UTF-8 after
// an optional byte order mark, or UTF-16/UTF-32. Bytes that are not valid there are refused with 400
// rather than read with replacement characters: such a body was stored with U+FFFD in place of what
// was sent, and a body starting with a byte order mark answered 422 json_invalid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { decodeJsonBytes } from '../src/spec/json-bytes'
import { startTestMock, ws } from './helpers'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock()
})
afterAll(() => mock?.close())

/** POSTs the bytes to the sample workspace's agents, as `contentType` (none when undefined). */
async function postAgent(bytes: Uint8Array, contentType: string | undefined = 'application/json') {
  const headers: Record<string, string> = { authorization: `Bearer ${mock.apiKey}` }
  if (contentType !== undefined) headers['content-type'] = contentType
  const res = await fetch(`${mock.url}${ws(mock)}/agents`, {
    method: 'POST',
    headers,
    body: new Uint8Array(bytes),
  })
  return { status: res.status, body: await res.json() }
}

const agentNames = () => mock.store.agents.list().map((a) => a.name)

const NAME = 'Zoë 🙂'
const json = JSON.stringify({ name: NAME })
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16()
function utf32(text: string, littleEndian: boolean): Buffer {
  const points = [...text].map((c) => c.codePointAt(0)!)
  const out = Buffer.alloc(points.length * 4)
  for (const [i, p] of points.entries()) {
    if (littleEndian) out.writeUInt32LE(p, i * 4)
    else out.writeUInt32BE(p, i * 4)
  }
  return out
}

describe('JSON request bodies, from their bytes', () => {
  it.each([
    ['UTF-8 after a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)])],
    ['UTF-16LE with a byte order mark', Buffer.from(`\ufeff${json}`, 'utf16le')],
    ['UTF-16BE without one', utf16be(json)],
    ['UTF-32LE without one', utf32(json, true)],
    ['UTF-32BE with one', utf32(`\ufeff${json}`, false)],
  ])('reads %s', async (_, bytes) => {
    const answer = await postAgent(bytes)
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    expect(answer.body.name).toBe(NAME)
    expect(mock.requests.at(-1)!.body).toEqual({ name: NAME })
  })

  it.each([
    ['application/json', 'application/json'],
    ['no content type', undefined],
  ])('refuses invalid UTF-8 inside a string with 400, storing nothing (%s)', async (_, type) => {
    const before = agentNames().length
    const bytes = Buffer.concat([
      Buffer.from('{"name":"bad'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}'),
    ])
    const answer = await postAgent(bytes, type)
    expect(answer).toEqual({
      status: 400,
      body: { detail: 'There was an error parsing the body: not valid UTF-8' },
    })
    expect(agentNames()).toHaveLength(before)
    expect(agentNames().some((n) => n.includes('\ufffd'))).toBe(false)
  })

  it('refuses a UTF-16 body cut in the middle of a character with 400', async () => {
    const answer = await postAgent(Buffer.from(json, 'utf16le').subarray(0, -1))
    expect(answer).toEqual({
      status: 400,
      body: { detail: 'There was an error parsing the body: not valid UTF-16' },
    })
  })
})

describe('decodeJsonBytes', () => {
  it('names UTF-32 that is cut short or holds a code point past U+10FFFF', () => {
    expect(decodeJsonBytes(utf32(json, true).subarray(0, -2))).toEqual({ ok: false, encoding: 'UTF-32' })
    const beyond = Buffer.concat([utf32('"', false), Buffer.from([0, 0x11, 0, 0]), utf32('"', false)])
    expect(decodeJsonBytes(beyond)).toEqual({ ok: false, encoding: 'UTF-32' })
  })

  it('reads plain UTF-8, and short bodies by where their zero byte falls', () => {
    expect(decodeJsonBytes(Buffer.from(json))).toEqual({ ok: true, text: json })
    expect(decodeJsonBytes(Buffer.from('1'))).toEqual({ ok: true, text: '1' })
    expect(decodeJsonBytes(Buffer.from([0x31, 0]))).toEqual({ ok: true, text: '1' })
    expect(decodeJsonBytes(Buffer.from([0, 0x31]))).toEqual({ ok: true, text: '1' })
  })
})
