// A request body over the mock's limit (10 MB) is answered 413 in the API's error shape, and the
// server goes on serving: the oversized upload is not a dropped connection or a crash.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { call, startTestMock, ws } from './helpers'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock()
})
afterAll(() => mock?.close())

it('answers an 11 MB body with 413 naming the limit, then serves the next request', async () => {
  const huge = JSON.stringify({ name: 'x'.repeat(11 * 1024 * 1024) })
  const answer = await call(mock, 'POST', `${ws(mock)}/agents`, {
    raw: huge,
    headers: { 'content-type': 'application/json' },
  })
  expect(answer).toMatchObject({ status: 413, body: { detail: 'request body too large (over 10 MB)' } })
  expect((await call(mock, 'GET', `${ws(mock)}/agents`)).status).toBe(200)
})
