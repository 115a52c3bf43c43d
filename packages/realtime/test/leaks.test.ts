import { inspect } from 'node:util'
import { json } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { workspaceEvents } from '../src/index'
import { eventStreamServer } from './helpers'

const TOKEN = 'tok-SECRET-0123456789abcdef'

describe('workspace events never put the token into an error', () => {
  it('a 401 whose body echoes the token: redacted in message, body, JSON and inspect', async () => {
    const server = await eventStreamServer(json(401, { detail: `invalid token ${TOKEN}`, echo: [TOKEN] }))
    const events = workspaceEvents({
      workspaceId: 'ws-1',
      token: TOKEN,
      baseUrl: server.url,
      maxReconnects: 0,
    })
    const error = await events.next().catch((e: unknown) => e)
    const printed = `${inspect(error, { depth: 10, showHidden: true })}\n${JSON.stringify(error)}`
    expect(printed).toContain('[REDACTED]')
    expect(printed).not.toContain(TOKEN)
  })
})
