// The mock routes the path exactly as sent: a request outside every route answers 404 in the API's
// error shape, and a dot segment (raw or percent-encoded) or an encoded slash never reaches a
// neighbouring route. Requests go out through node:http, which (unlike fetch) sends the path as given.
import { request } from 'node:http'
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
