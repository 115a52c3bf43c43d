// readBody keeps openapi-fetch's reading rules now that the transport reads bodies itself.
import { describe, expect, it } from 'vitest'
import { readBody } from '../src/transport/read-body'

const res = (body: BodyInit | null, init: ResponseInit = {}) => new Response(body, init)

describe('readBody', () => {
  it('reads nothing for 204, HEAD and a zero content-length', async () => {
    expect(await readBody(res(null, { status: 204 }), 'DELETE', 'json')).toBeUndefined()
    expect(await readBody(res('{"a":1}'), 'HEAD', 'json')).toBeUndefined()
    expect(await readBody(res('', { headers: { 'content-length': '0' } }), 'GET', 'json')).toBeUndefined()
  })

  it('parses JSON, and reads an empty JSON body as undefined', async () => {
    expect(await readBody(res('{"items":[1,2]}'), 'GET', 'json')).toEqual({ items: [1, 2] })
    expect(await readBody(res(''), 'GET', 'json')).toBeUndefined()
    const sized = res('{"a":1}', { headers: { 'content-length': '7' } })
    expect(await readBody(sized, 'GET', 'json')).toEqual({ a: 1 })
    await expect(
      readBody(res('{"a"', { headers: { 'content-length': '4' } }), 'GET', 'json'),
    ).rejects.toThrow(SyntaxError)
  })

  it('rejects a success body that is not JSON (the transport maps it to a ParseError)', async () => {
    await expect(readBody(res('<html>'), 'GET', 'json')).rejects.toThrow(SyntaxError)
  })

  it('honours parseAs for text, arrayBuffer, blob and stream', async () => {
    expect(await readBody(res('plain'), 'GET', 'text')).toBe('plain')
    const ab = (await readBody(res(new Uint8Array([1, 2, 3])), 'GET', 'arrayBuffer')) as ArrayBuffer
    expect([...new Uint8Array(ab)]).toEqual([1, 2, 3])
    expect(((await readBody(res('xyz'), 'GET', 'blob')) as Blob).size).toBe(3)
    const stream = (await readBody(res('chunk'), 'GET', 'stream')) as ReadableStream
    expect(await new Response(stream).text()).toBe('chunk')
  })

  it('reads an error body as JSON when it parses, else as text, and empty as undefined', async () => {
    expect(await readBody(res('{"detail":"nope"}', { status: 404 }), 'GET', 'json')).toEqual({
      detail: 'nope',
    })
    expect(await readBody(res('Bad Gateway', { status: 502 }), 'GET', 'json')).toBe('Bad Gateway')
    expect(await readBody(res('', { status: 500 }), 'GET', 'stream')).toBeUndefined()
  })
})
