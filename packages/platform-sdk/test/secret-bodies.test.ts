// Calls whose body carries another system's credentials (an integration's `auth`) reach the
// `onRequest` hook without that body, as token exchanges do, while the body itself is sent.
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
