import { InvalidRequestError } from '@amigo-ai/core'
import { describe, expect, it } from 'vitest'
import { lastRequest, useMockPlatform } from './helpers/mock-client'

const env = useMockPlatform()

describe('agents', () => {
  it('creates, reads, lists, updates and deletes an agent', async () => {
    const { client, mock } = env
    const created = await client.agents.create({ name: 'Intake', description: 'Handles intake' })
    expect(created.name).toBe('Intake')
    const sent = lastRequest(env)
    expect(sent.method).toBe('POST')
    expect(sent.path).toBe(`/v1/${mock.workspaceId}/agents`)
    expect(sent.body).toMatchObject({ name: 'Intake', description: 'Handles intake' })
    expect(sent.headers.authorization).toBe(`Bearer ${mock.apiKey}`)

    const fetched = await client.agents.get(created.id)
    expect(fetched.id).toBe(created.id)
    expect(fetched.lastResponse.statusCode).toBe(200)
    expect(fetched._request_id).toBe(lastRequest(env).requestId)

    const page = await client.agents.list({ search: 'Intake', limit: 5 })
    expect(page.items.map((a) => a.id)).toContain(created.id)
    expect(lastRequest(env).query).toMatchObject({ search: 'Intake', limit: '5' })

    await client.agents.delete(created.id)
    expect(lastRequest(env).method).toBe('DELETE')
  })
})

describe('agents.getVersion', () => {
  it('refuses a version that is not a string or number, naming it, and sends nothing', async () => {
    const mark = env.mark()
    for (const version of [undefined, null, {}, true]) {
      const error = await env.client.agents.getVersion('a-1', version as never).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InvalidRequestError)
      expect(String(error)).toMatch(/path parameter "version"/)
    }
    expect(env.since(mark)).toEqual([])
  })
})
