// The audit lists (`list`, `getPhiAccess`, `getEntityAccessLog`) add `items` beside the API's
// `events`. Against a loopback server that answers without a page (an empty 200, a 204, `null`), they
// return the body as it came, like every other list, and their auto-pagers yield nothing.
import { AmigoClient } from '@amigo-ai/platform-sdk'
import { sendJson, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let server: TestServer
let client: AmigoClient
let answer: 'null' | 'empty' | 'no-content' | 'page' = 'page'

beforeAll(async () => {
  server = await startTestServer((_req, res) => {
    if (answer === 'null') return sendJson(res, 200, null)
    if (answer === 'page') return sendJson(res, 200, { events: [{ id: 'e-1' }], total: 1, has_more: false })
    res.writeHead(answer === 'empty' ? 200 : 204, { 'content-type': 'application/json' })
    res.end()
  })
  client = new AmigoClient({ apiKey: 'k-test-1234', workspaceId: 'ws-1', baseUrl: server.url, maxRetries: 0 })
})
afterAll(() => server.close())

const pages = () => [
  client.audit.list(),
  client.audit.getPhiAccess(),
  client.audit.getEntityAccessLog('ent-1'),
]
const walks = () => [
  client.audit.listAutoPaging(),
  client.audit.getPhiAccessAutoPaging(),
  client.audit.getEntityAccessLogAutoPaging('ent-1'),
]
const collect = async (walk: AsyncIterable<unknown>) => {
  const out: unknown[] = []
  for await (const item of walk) out.push(item)
  return out
}

describe('audit pages', () => {
  it('expose events as items', async () => {
    answer = 'page'
    for (const page of await Promise.all(pages())) expect(page.items).toEqual([{ id: 'e-1' }])
    for (const walk of walks()) expect(await collect(walk)).toEqual([{ id: 'e-1' }])
  })

  for (const [kind, body, name] of [
    ['null', null, 'a JSON null'],
    ['empty', undefined, 'an empty 200'],
    ['no-content', undefined, 'a 204'],
  ] as const) {
    it(`${name} comes back as it is, and auto-paging yields nothing`, async () => {
      answer = kind
      expect(await Promise.all(pages())).toEqual([body, body, body])
      for (const walk of walks()) expect(await collect(walk)).toEqual([])
    })
  }
})
