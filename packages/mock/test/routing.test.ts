// The mock routes the path exactly as sent: a request outside every route answers 404 in the API's
// error shape, and a dot segment (raw or percent-encoded) or an encoded slash never reaches a
// neighbouring route. Requests go out through node:http, which (unlike fetch) sends the path as given.
import { request } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { startTestMock, ws } from './helpers'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock()
})
afterAll(() => mock?.close())

/** Sends `method target` byte for byte and resolves to the status and parsed body. */
function raw(
  method: string,
  target: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const url = new URL(mock.url)
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: target,
        headers: { authorization: `Bearer ${mock.apiKey}`, ...headers },
      },
      (res) => {
        let text = ''
        res.on('data', (c) => {
          text += c
        })
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }),
        )
      },
    )
    req.on('error', reject)
    req.end()
  })
}

const lastRecorded = () => mock.requests.at(-1)

describe('routing on the path as sent', () => {
  it('a path outside every route is a FastAPI-style 404', async () => {
    const res = await raw('GET', '/v1/nothing/here/at/all')
    expect(res).toEqual({ status: 404, body: { detail: 'Not Found' } })
  })

  const dotted = ['..', '.', '%2e%2e', '%2E', '.%2e', '%2e.', 'x/..', 'x/../..', '../agents']
  for (const tail of dotted) {
    it(`GET and DELETE .../agents/${tail} answer 404 without reaching another route`, async () => {
      for (const method of ['GET', 'DELETE']) {
        const res = await raw(method, `${ws(mock)}/agents/${tail}`)
        expect(res, `${method} ${tail}`).toEqual({ status: 404, body: { detail: 'Not Found' } })
        expect(lastRecorded()?.operationId).toBeUndefined()
        expect(lastRecorded()?.path).toBe(`${ws(mock)}/agents/${tail}`)
      }
    })
  }

  it('a dot segment in the workspace position does not reach a workspace-free route', async () => {
    for (const target of ['/v1/../v1/workspaces', `/v1/%2e%2e/agents`, `${ws(mock)}/../workspaces`]) {
      const res = await raw('GET', target)
      expect(res.status, target).toBe(404)
      expect(res.body).toEqual({ detail: 'Not Found' })
    }
  })

  it('an encoded slash stays inside its segment: the agent route, with the decoded id', async () => {
    const res = await raw('GET', `${ws(mock)}/agents/a%2Fversions`)
    expect(res.status).not.toBe(200)
    expect(lastRecorded()?.operationId).toBe('get-agent')
  })

  it('a uuid in upper case names the same workspace and agent, as the API parses uuids', async () => {
    const agent = mock.store.agents.list((a) => a.workspace_id === mock.workspaceId)[0]!
    const answer = await raw('GET', `/v1/${mock.workspaceId.toUpperCase()}/agents/${agent.id.toUpperCase()}`)
    expect(answer).toMatchObject({ status: 200, body: { id: agent.id, workspace_id: mock.workspaceId } })
  })

  it('the absolute form of a target is routed by its path, and the query is kept', async () => {
    const res = await raw('GET', `${mock.url}${ws(mock)}/agents?limit=1`)
    expect(res.status).toBe(200)
    expect(lastRecorded()).toMatchObject({ operationId: 'list-agents', query: { limit: '1' } })
  })

  it('DELETE of a path under an agent plus ".." does not delete the agent', async () => {
    const agent = (await raw('GET', `${ws(mock)}/agents?limit=1`)).body.items[0]
    for (const tail of ['versions/..', 'versions/%2e%2E', 'x/./..'])
      expect((await raw('DELETE', `${ws(mock)}/agents/${agent.id}/${tail}`)).status, tail).toBe(404)
    expect((await raw('GET', `${ws(mock)}/agents/${agent.id}`)).status).toBe(200)
  })

  it('a WebSocket upgrade on a dotted path is refused with 404', async () => {
    const sid = `CA${'0'.repeat(32)}`
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(mock.url)
      const req = request({
        host: url.hostname,
        port: url.port,
        path: `${ws(mock)}/observers/${sid}/ws/x/..`,
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      })
      req.on('response', (res) => resolve(res.statusCode ?? 0))
      req.on('upgrade', () => resolve(101))
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(404)
  })
})

/**
 * Writes `bytes` on a fresh connection (then `next` once the first answer is in) and resolves to
 * everything the mock sends before it closes.
 */
function exchange(bytes: string, next?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = new URL(mock.url)
    const socket = connect(Number(url.port), url.hostname, () => socket.write(bytes))
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (c) => {
      text += c
      if (next !== undefined && text.endsWith('}')) socket.write(next)
      next = undefined
    })
    socket.on('close', () => resolve(text))
    socket.on('error', reject)
  })
}
const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))
const get = (headers = '') => `GET ${ws(mock)}/agents?limit=1 HTTP/1.1\r\nhost: x\r\n${headers}\r\n`

describe('requests node:http cannot parse', () => {
  it('answers headers over 16 KB with 431 in the detail shape, also after an answered request', async () => {
    const huge = `x-junk: ${'k'.repeat(20_000)}\r\n`
    const alone = await exchange(get(huge))
    expect(alone).toMatch(/^HTTP\/1.1 431 /)
    expect(alone).toMatch(/content-type: application\/json/i)
    expect(bodyOf(alone)).toEqual({ detail: 'request headers too large (over 16 KB)' })
    // On a kept-alive connection that already answered, node:http alone would close it silently.
    const second = await exchange(get(`authorization: Bearer ${mock.apiKey}\r\n`), get(huge))
    expect(second.match(/HTTP\/1.1 \d+/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 431'])
  })

  it('answers a bad request pipelined behind one still being answered after that answer, then closes', async () => {
    const slow = get(`authorization: Bearer ${mock.apiKey}\r\nx-mock-fault: latency=30\r\n`)
    const garbage = await exchange(`${slow}NOT A REQUEST\r\n\r\n`)
    expect(garbage.match(/HTTP\/1.1 \d+/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 400'])
    expect(bodyOf(garbage.slice(garbage.lastIndexOf('HTTP/1.1')))).toEqual({ detail: 'Invalid HTTP request' })
    const huge = await exchange(`${slow}${get(`x-junk: ${'k'.repeat(20_000)}\r\n`)}`)
    expect(huge.match(/HTTP\/1.1 \d+/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 431'])
  })

  // The broken body belongs to a request whose answer is in progress, waiting for that body: these
  // connections stayed open, unanswered, until the client gave up.
  describe('a chunked body node:http cannot parse', () => {
    const post = () =>
      `POST ${ws(mock)}/agents HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${mock.apiKey}\r\n` +
      'content-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n'
    const BOUND = { timeout: 2000 }

    it.each([
      ['a chunk size that is not hex', 'ZZ\r\n{}\r\n0\r\n\r\n'],
      ['a chunk without its CRLF', '2\r\n{}XX0\r\n\r\n'],
      ['a bad chunk after a good one', '1\r\n{\r\nZZ\r\n'],
    ])('answers %s with 400 in the detail shape, then closes', BOUND, async (_, chunks) => {
      const answer = await exchange(`${post()}${chunks}`)
      expect(answer).toMatch(/^HTTP\/1.1 400 /)
      expect(answer).toMatch(/content-type: application\/json/i)
      expect(bodyOf(answer)).toEqual({ detail: 'Invalid HTTP request' })
      expect(lastRecorded()).toMatchObject({ method: 'POST', status: 400 })
    })

    it('answers chunk extensions over the limit with 413, then closes', BOUND, async () => {
      const answer = await exchange(`${post()}2;${'e'.repeat(20_000)}\r\n{}\r\n0\r\n\r\n`)
      expect(answer).toMatch(/^HTTP\/1.1 413 /)
      expect(bodyOf(answer)).toEqual({ detail: 'chunk extensions too large' })
    })

    it('answers it after a request still being answered on the connection', BOUND, async () => {
      const slow = get(`authorization: Bearer ${mock.apiKey}\r\nx-mock-fault: latency=30\r\n`)
      const answer = await exchange(`${slow}${post()}ZZ\r\n`)
      expect(answer.match(/HTTP\/1.1 \d+/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 400'])
      expect(bodyOf(answer.slice(answer.lastIndexOf('HTTP/1.1')))).toEqual({ detail: 'Invalid HTTP request' })
    })
  })

  it('answers a malformed request with 400 in the detail shape, then goes on serving', async () => {
    const answer = await exchange('NOT A REQUEST\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1.1 400 /)
    expect(bodyOf(answer)).toEqual({ detail: 'Invalid HTTP request' })
    expect((await raw('GET', `${ws(mock)}/agents?limit=1`)).status).toBe(200)
  })
})

// node:http hands a CONNECT its bare socket, and closed it unanswered without a listener.
describe('CONNECT', () => {
  it('on a route answers 405 with Allow in the detail shape, then closes', async () => {
    const answer = await exchange(`CONNECT ${ws(mock)}/agents HTTP/1.1\r\nhost: x\r\n\r\n`)
    expect(answer).toMatch(/^HTTP\/1.1 405 /)
    expect(answer).toMatch(/\r\nallow: GET, POST\r\n/i)
    expect(answer).toMatch(/\r\nconnection: close\r\n/i)
    expect(bodyOf(answer)).toEqual({ detail: 'Method Not Allowed' })
  })

  it('to a host and port (as a proxy is asked) answers 404 in the detail shape, then closes', async () => {
    const answer = await exchange('CONNECT example.com:443 HTTP/1.1\r\nhost: example.com:443\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1.1 404 /)
    expect(bodyOf(answer)).toEqual({ detail: 'Not Found' })
  })

  it('pipelined behind a request still being answered is answered after it', async () => {
    const slow = get(`authorization: Bearer ${mock.apiKey}\r\nx-mock-fault: latency=30\r\n`)
    const answer = await exchange(`${slow}CONNECT ${ws(mock)}/agents HTTP/1.1\r\nhost: x\r\n\r\n`)
    expect(answer.match(/HTTP\/1.1 \d+/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 405'])
    expect(bodyOf(answer.slice(answer.lastIndexOf('HTTP/1.1')))).toEqual({ detail: 'Method Not Allowed' })
  })
})
