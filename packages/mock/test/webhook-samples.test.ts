// Sample deliveries per event type (what `amigo webhooks trigger` sends): every documented type
// samples data that matches its schema, with lifelike values instead of the sampler's placeholders.
import { describe, expect, it } from 'vitest'
import { sampleWebhookEvent, webhookEventTypes } from '../src/index'
import { specContext } from '../src/spec/context'

const ctx = specContext()
const mapping = (ctx.doc.components!.schemas!.WorkspaceSSEEvent as any).discriminator.mapping as Record<
  string,
  string
>

describe('webhook event samples', () => {
  it('lists every type of the workspace event catalogue', () => {
    const types = webhookEventTypes()
    expect(types).toEqual(Object.keys(mapping).sort())
    expect(types).toContain('call.ended')
  })

  it.each(webhookEventTypes())('%s: an envelope whose data matches the event schema', (type) => {
    const sample = sampleWebhookEvent(type, { now: Date.UTC(2026, 0, 2, 3, 4, 5) })
    expect(sample.type).toBe(type)
    expect(sample.id).toBe(`evt_${Date.UTC(2026, 0, 2, 3, 4, 5)}`)
    expect(sample.timestamp).toBe('2026-01-02T03:04:05.000Z')
    expect(sample.data).not.toHaveProperty('event_type')
    expect(ctx.check({ $ref: mapping[type] }, { ...sample.data, event_type: type })).toEqual([])
    expect(Object.values(sample.data)).not.toContain('string')
  })

  it('fills fields by what they hold', () => {
    const ended = sampleWebhookEvent('call.ended').data
    expect(ended.call_sid).toMatch(/^CA[0-9a-f]{32}$/)
    expect(ended.duration_seconds).toBeGreaterThan(0)
    expect(sampleWebhookEvent('channel.email_bounced').data.to_address).toMatch(/@example\.com$/)
  })

  it('names the known types when asked for an unknown one', () => {
    expect(() => sampleWebhookEvent('call.exploded')).toThrow(
      /unknown webhook event type "call\.exploded".*call\.ended/,
    )
  })
})
