// Calls whose body carries another system's credentials (an integration's `auth`) reach the
// `onRequest` hook without that body, as token exchanges do, while the body itself is sent; and a
// 422 that quotes them back (pydantic's `input`) does not carry them into the error.
import { inspect } from 'node:util'
import type { OperationBody } from '@amigo-ai/platform-sdk'
import { describe, expect, it } from 'vitest'
import { lastRequest, useMockPlatform } from './helpers/mock-client'

const env = useMockPlatform()
const SECRET = 'sk_third_party_0123456789abcdef'

describe("an integration's credentials stay out of hooks", () => {
  it('create and update send auth, and onRequest sees neither body', async () => {
    const seen: string[] = []
    const client = env.makeClient({
      hooks: {
        onRequest: async ({ request }) => {
          seen.push(`${request.method} ${await request.text()}`)
        },
      },
    })
    const auth = { type: 'api_key_header', header_name: 'x-api-key', api_key_value: { value: SECRET } }
    const body = {
      name: 'crm',
      display_name: 'CRM',
      base_url: 'https://crm.example.test',
      auth,
    } as OperationBody<'create-integration'>
    const created = await client.integrations.create(body)
    expect(JSON.stringify(lastRequest(env).body)).toContain(SECRET)
    await client.integrations.update(created.id, body as OperationBody<'update-integration'>)
    expect(JSON.stringify(lastRequest(env).body)).toContain(SECRET)
    expect(seen).toEqual(['POST ', 'PUT '])
  })
})

describe("an integration's credentials stay out of its errors", () => {
  /** Everything a caller may log of an error. */
  const logged = (err: unknown) => `${JSON.stringify(err)}\n${inspect(err, { depth: null })}\n${String(err)}`
  const rejection = (p: Promise<unknown>) =>
    p.then(
      () => expect.unreachable('the call succeeded'),
      (err: unknown) => err as Error & { status?: number; body?: unknown },
    )

  it('a 422 quoting the auth back (a missing field, a value of the wrong shape) shows it redacted', async () => {
    const other = 'bt_second_system_fedcba9876543210'
    const bodies = [
      // No `type`: the 422's input is the whole auth object, both values in it.
      { api_key_value: { value: SECRET }, bearer_token_value: { value: other }, header_name: 'x-api-key' },
      // A plain string where `{ value }` belongs: the input is the string itself.
      { type: 'api_key_header', header_name: 'x-api-key', api_key_value: SECRET },
    ]
    for (const [i, auth] of bodies.entries()) {
      const body = { name: 'crm', display_name: 'CRM', base_url: 'https://crm.example.test', auth }
      const created = await rejection(env.client.integrations.create(body as never))
      expect(created.status).toBe(422)
      // The mock, like the platform, quoted what was sent.
      const sent = JSON.stringify(lastRequest(env).body)
      expect(sent).toContain(SECRET)
      const shown = logged(created)
      expect(shown).not.toContain(SECRET)
      expect(shown).not.toContain(other)
      expect(JSON.stringify(created.body)).toContain('[REDACTED]')
      // Where the problem is stays readable.
      expect(JSON.stringify(created.body)).toMatch(/"loc":\["body","auth"/)
      // What is not a credential is still shown, so the caller can see what was wrong.
      if (i === 0) expect(JSON.stringify(created.body)).toContain('"header_name":"x-api-key"')
    }
  })

  it('update redacts the same way, and leaves other calls and plain fields alone', async () => {
    const created = await env.client.integrations.create({
      name: 'crm2',
      display_name: 'CRM',
      base_url: 'https://crm.example.test',
      auth: { type: 'api_key_header', header_name: 'x-api-key', api_key_value: { value: SECRET } },
    } as OperationBody<'create-integration'>)
    const auth = { header_name: SECRET.slice(0, 12), api_key_value: { value: SECRET } }
    const err = await rejection(env.client.integrations.update(created.id, { auth } as never))
    expect(err.status).toBe(422)
    expect(logged(err)).not.toContain(SECRET)
    // A field outside `*_value` is not a credential, even when it shares a prefix with one.
    expect(JSON.stringify(err.body)).toContain(SECRET.slice(0, 12))
  })
})
