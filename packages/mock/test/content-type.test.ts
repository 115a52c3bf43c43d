import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { startTestMock } from './helpers'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock()
})
afterAll(() => mock?.close())

const FORM = 'application/x-www-form-urlencoded'

/** POSTs `body` as `type` and returns the answer and the body the mock recorded for it. */
async function post(path: string, type: string, body: string) {
  const res = await fetch(`${mock.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body })
  const text = await res.text()
  const recorded = mock.requests.at(-1)!
  expect(recorded.path).toBe(path)
  return { status: res.status, text, recorded: recorded.body }
}

const tokenForm = () => new URLSearchParams({ api_key: mock.apiKey }).toString()
const tokenJson = () => JSON.stringify({ api_key: mock.apiKey })

describe('request bodies are read by their media type', () => {
  it('reads a form whose parameters mention json as a form', async () => {
    const type = `${FORM}; x=json`
    const answer = await post('/token', type, tokenForm())
    expect(answer.status, answer.text).toBe(200)
    expect(answer.recorded).toEqual({ api_key: mock.apiKey })
  })

  it('recognises media types in any case, with parameters and spaces', async () => {
    for (const type of [
      'Application/JSON',
      ' APPLICATION/JSON ; Charset=UTF-8',
      'application/VND.API+JSON',
    ]) {
      const answer = await post('/token', type, tokenJson())
      expect(answer.status, `${type}: ${answer.text}`).toBe(200)
      expect(answer.recorded, type).toEqual({ api_key: mock.apiKey })
    }
    const form = await post('/token', 'APPLICATION/X-WWW-FORM-URLENCODED', tokenForm())
    expect(form.status, form.text).toBe(200)
    expect(form.recorded).toEqual({ api_key: mock.apiKey })
  })

  it('does not read a body as JSON because its type merely contains "json"', async () => {
    for (const type of ['text/json-ish', 'application/jsonx', 'text/plain; format=json', 'json']) {
      const answer = await post('/token', type, tokenJson())
      expect(answer.status, `${type}: ${answer.text}`).toBe(400)
      // Read as form fields, the JSON text names no grant the mock knows.
      expect(JSON.parse(answer.text), type).toMatchObject({ error: 'unsupported_grant_type' })
      expect(answer.recorded, type).toBe(tokenJson())
    }
  })

  it("reads a JSON route's body as JSON only under a JSON type or none, as FastAPI does", async () => {
    const path = `/v1/${mock.workspaceId}/agents`
    const send = (headers: Record<string, string>) =>
      fetch(`${mock.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${mock.apiKey}`, ...headers },
        // Bytes: fetch gives a string body a text/plain type of its own, and bytes none.
        body: new TextEncoder().encode(JSON.stringify({ name: 'Typed agent' })),
      })
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded']) {
      const res = await send({ 'content-type': type })
      expect(res.status, type).toBe(422)
      const { detail } = (await res.json()) as { detail: Array<{ loc: string[]; type: string }> }
      expect(detail, type).toEqual([expect.objectContaining({ loc: ['body'], type: 'dict_type' })])
    }
    const untyped = await send({})
    expect(untyped.status).toBe(201)
    expect(await untyped.json()).toMatchObject({ name: 'Typed agent' })
  })

  it('approves a device code from a form sent with an upper-case media type', async () => {
    const device = await post('/device/code', FORM, 'client_description=test')
    const { user_code } = JSON.parse(device.text)
    const body = new URLSearchParams({ user_code, decision: 'approve' }).toString()
    const answer = await post('/device/approve', 'Application/X-WWW-Form-Urlencoded; Charset=UTF-8', body)
    expect(answer.status, answer.text).toBe(200)
    expect(answer.text).toContain('Approved')
  })

  it('refuses the device form under a type that only starts like a form', async () => {
    const device = await post('/device/code', FORM, 'client_description=test')
    const { user_code } = JSON.parse(device.text)
    const body = new URLSearchParams({ user_code, decision: 'approve' }).toString()
    const answer = await post('/device/approve', `${FORM}-ish`, body)
    expect(answer.status).toBe(400)
    expect(answer.text).toMatch(/must be sent as application\/x-www-form-urlencoded/)
  })
})
