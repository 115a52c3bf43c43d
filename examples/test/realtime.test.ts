// Examples with conversations, event streams and webhook deliveries, each against its own mock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { main as externalUserChat } from '../conversations/external-user-chat'
import { main as textChat } from '../conversations/text-chat'
import { main as workspaceEvents } from '../events/workspace-events'
import { main as verifyWebhook } from '../webhooks/verify-webhook'
import { type MockEnv, startMockEnv } from './mock-env'

let ctx: MockEnv
let log: string[]
beforeEach(async () => {
  ctx = await startMockEnv()
  log = []
  vi.spyOn(console, 'log').mockImplementation((...args) => void log.push(args.join(' ')))
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    log.push(String(chunk))
    return true
  })
})
afterEach(async () => {
  vi.restoreAllMocks()
  await ctx.mock.close()
})

describe('conversation and realtime examples against the mock', () => {
  it('text-chat sends messages, a turn and a streamed turn', async () => {
    const result = await textChat(ctx.env)
    if ('skipped' in result) throw new Error('the sample workspace has a service')
    expect(result.replies).toBeGreaterThan(0)
    expect(result.streamed.length).toBeGreaterThan(0)
    // the streamed text was written piece by piece, not in one go
    expect(
      log.filter((l) => result.streamed.includes(l) && l.length < result.streamed.length).length,
    ).toBeGreaterThan(1)
    expect(ctx.mock.requests.some((r) => r.path.endsWith('/turns/stream'))).toBe(true)
  })

  it('external-user-chat runs the whole session sequence and is refused a workspace listing', async () => {
    const result = await externalUserChat(ctx.env)
    if ('skipped' in result) throw new Error('the sample workspace has a service')
    expect(result.listing).toMatch(/^refused \(40[13]\)$/)
    expect(result.rotated).toBe(true)
    const grants = ctx.mock.requests
      .filter((r) => r.path === '/token')
      .map((r) => (r.body as { grant_type?: string }).grant_type)
    // parent credential, then the session grant (its wire name belongs to the SDK), then one rotation
    expect(grants).toEqual(['client_credentials', expect.any(String), 'refresh_token'])
  })

  it('workspace-events sees the events its own actions cause', async () => {
    const result = await workspaceEvents(ctx.env, 400)
    expect(result.types).toEqual(expect.arrayContaining(['surface.created', 'trigger.fired']))
    expect(result.lastEventId).toBeDefined()
  })

  it('verify-webhook accepts the signed deliveries and rejects a forged one', async () => {
    const result = await verifyWebhook(ctx.env)
    expect(result.accepted.map((e) => e.type)).toEqual(expect.arrayContaining(['call.started', 'call.ended']))
    expect(result.rejected).toEqual(['signature_mismatch'])
    expect(ctx.mock.webhookDeliveries.every((d) => d.delivered)).toBe(true)
  })
})
