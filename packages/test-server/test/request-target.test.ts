import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { type Served, serveFetch, startTestServer, type TestServer, text } from '../src/index'

let server: TestServer | undefined
let served: Served | undefined
afterEach(async () => {
  await server?.close()
  await served?.close()
  server = undefined
  served = undefined
})

/** Sends `GET <target>` exactly as written (fetch would normalise it) and reads the answer. */
const rawGet = (port: number, target: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })

describe('startTestServer request targets', () => {
  it('reads a target starting with // as a path on this server, not as another host', async () => {
    server = await startTestServer((req, res) => {
      res.end(JSON.stringify({ path: req.path, q: req.query.get('q') }))
    })
    expect(await rawGet(server.port, '//evil.example/x?q=1')).toEqual({
      status: 200,
      body: '{"path":"//evil.example/x","q":"1"}',
    })
    expect((await rawGet(server.port, '//')).body).toBe('{"path":"//","q":null}')
    expect(server.requestsTo('//evil.example/x')).toHaveLength(1)
    expect(server.requests.map((r) => r.url)).toEqual(['//evil.example/x?q=1', '//'])
  })

  it('records the path exactly as sent: dot segments are not resolved away', async () => {
    server = await startTestServer((req, res) => {
      res.end(req.path)
    })
    for (const target of ['/a/../b', '/a/%2e%2e/b', '/a/./b?x=1', '/a/..%2Fb'])
      expect((await rawGet(server.port, target)).body).toBe(target.split('?')[0])
    expect(server.requestsTo('/a/../b')).toHaveLength(1)
    expect(server.requestsTo('/b')).toHaveLength(0)
  })

  it('routes a // path by its route key', async () => {
    server = await startTestServer({ 'GET //a/b': text(200, 'routed') })
    expect(await rawGet(server.port, '//a/b')).toEqual({ status: 200, body: 'routed' })
  })

  it('answers 500 naming the problem when a target cannot be parsed at all', async () => {
    server = await startTestServer(text(200, 'served'))
    const answer = await rawGet(server.port, 'http://[/x')
    expect(answer.status).toBe(500)
    expect(JSON.parse(answer.body).detail).toMatch(/Invalid URL/)
    // The server keeps serving afterwards.
    expect(await rawGet(server.port, '/ok')).toEqual({ status: 200, body: 'served' })
  })
})

describe('serveFetch request targets', () => {
  it.each([
    ['a // target, as a path on this server', '//evil.example/x?q=1', 'http://127.0.0.1//evil.example/x?q=1'],
    [
      'an absolute-form target, as the URL it names',
      'http://api.example/v1/x?q=1',
      'http://api.example/v1/x?q=1',
    ],
  ])('hands the handler %s', async (_what, target, url) => {
    served = await serveFetch((request) => new Response(request.url))
    const { port } = new URL(served.url)
    expect(await rawGet(Number(port), target)).toEqual({ status: 200, body: url })
  })
})
