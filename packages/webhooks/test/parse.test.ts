import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  type KnownWebhookEvent,
  type ParsedWebhookEvent,
  parseWebhookEvent,
  type UnknownWebhookEvent,
  type WebhookEnvelope,
  type WebhookEvent,
  type WebhookEventDataMap,
  type WebhookEventOfType,
} from '../src/index'
import { delivery, envelope } from './helpers'

describe('parseWebhookEvent', () => {
  it('returns the envelope with typed data for a known type', async () => {
    const event = await parseWebhookEvent(
      await delivery(envelope('surface.created', { surface_id: 's1', entity_id: 'e1' })),
    )
    expect(event).toEqual({
      id: 'evt_test',
      type: 'surface.created',
      timestamp: '2026-01-01T00:00:00Z',
      data: { surface_id: 's1', entity_id: 'e1' },
    })
    // The union narrows on `type`.
    switch (event.type) {
      case 'surface.created':
        expectTypeOf(event.data.surface_id).toEqualTypeOf<string>()
        expect(event.data.entity_id).toBe('e1')
        break
      case 'call.ended':
        expectTypeOf(event.data.call_sid).toEqualTypeOf<string>()
        break
      default:
        // Other known types plus the unknown-type member remain.
        expectTypeOf<Extract<typeof event, UnknownWebhookEvent>>().toEqualTypeOf<UnknownWebhookEvent>()
        expectTypeOf<Extract<typeof event, { type: 'call.ended' }>>().toBeNever()
        throw new Error('not reached')
    }
  })

  it('parses an event type this SDK does not know, with untyped data', async () => {
    const event = await parseWebhookEvent(await delivery(envelope('brand.new_event', { anything: [1, 2] })))
    expect(event.type as string).toBe('brand.new_event')
    expect(event.data).toEqual({ anything: [1, 2] })
  })

  it('narrows the return type with expectedType and rejects other types', async () => {
    const d = await delivery(envelope('call.ended', { call_sid: 'CA9' }))
    const event = await parseWebhookEvent({ ...d, expectedType: 'call.ended' })
    expectTypeOf(event.type).toEqualTypeOf<'call.ended'>()
    expect(event.data.call_sid).toBe('CA9')
    const either = await parseWebhookEvent({ ...d, expectedType: ['call.started', 'call.ended'] })
    expectTypeOf(either.type).toEqualTypeOf<'call.started' | 'call.ended'>()
    await expect(parseWebhookEvent({ ...d, expectedType: 'call.started' })).rejects.toMatchObject({
      reason: 'unexpected_type',
      message: expect.stringContaining('call.ended'),
    })
  })

  it("clips a huge event type in the unexpected_type message (it is the sender's text)", async () => {
    const d = await delivery(envelope('x'.repeat(100_000) as never, {}))
    const err = await parseWebhookEvent({ ...d, expectedType: 'call.ended' }).catch((e: Error) => e)
    expect(err).toMatchObject({ reason: 'unexpected_type' })
    expect((err as Error).message.length).toBeLessThan(200)
  })

  it('rejects an event whose type is not a string as unexpected_type, whatever the value', async () => {
    // `{"toString":0}` cannot even be turned into a string for the message.
    for (const type of ['{"toString":0}', '{"toString":{}}', '{}', '[]', '42', 'null', 'true']) {
      const d = await delivery(`{"id":"evt_1","type":${type},"timestamp":"2026-01-01T00:00:00Z","data":{}}`)
      const err = await parseWebhookEvent({ ...d, expectedType: 'call.ended' }).catch((e: unknown) => e)
      expect(err, type).toMatchObject({ name: 'WebhookVerificationError', reason: 'unexpected_type' })
    }
    // A reviver may put anything there, an object without a prototype included.
    const d = await delivery(envelope('call.ended'))
    const reviver = (key: string, value: unknown) => (key === 'type' ? Object.create(null) : value)
    await expect(parseWebhookEvent({ ...d, reviver, expectedType: 'call.ended' })).rejects.toMatchObject({
      reason: 'unexpected_type',
    })
  })

  it('accepts a caller-typed data shape like the original helper', async () => {
    const event = await parseWebhookEvent<{ call_sid: string }>(await delivery())
    expectTypeOf(event).toEqualTypeOf<WebhookEvent<{ call_sid: string }>>()
    expect(event.data.call_sid).toBe('CA1')
  })

  it('rejects authentic bodies that are not a JSON object as invalid_json', async () => {
    for (const body of ['not json', '{"id":', '[]', '"text"', '42', 'null', ''])
      await expect(parseWebhookEvent(await delivery(body))).rejects.toMatchObject({ reason: 'invalid_json' })
  })

  it('passes reviver to JSON.parse and runs validate on the event', async () => {
    const d = await delivery(envelope('call.ended', { call_sid: 'CA1', duration_seconds: 5 }))
    const event = await parseWebhookEvent({
      ...d,
      reviver: (key, value) => (key === 'duration_seconds' ? (value as number) * 1000 : value),
    })
    expect(event.data).toMatchObject({ duration_seconds: 5000 })
    const problem = new RangeError('validator says no')
    await expect(
      parseWebhookEvent({
        ...d,
        validate: () => {
          throw problem
        },
      }),
    ).rejects.toBe(problem)
  })

  it('keeps why the JSON failed as the cause: the syntax error, or what the reviver threw', async () => {
    const bad = await parseWebhookEvent(await delivery('{"id":')).catch((e: unknown) => e)
    expect(bad).toMatchObject({ reason: 'invalid_json' })
    expect((bad as Error).cause).toBeInstanceOf(SyntaxError)
    const d = await delivery(envelope('call.ended', { call_sid: 'CA1' }))
    const problem = new TypeError('reviver says no')
    const refused = await parseWebhookEvent({
      ...d,
      reviver: () => {
        throw problem
      },
    }).catch((e: unknown) => e)
    expect(refused).toMatchObject({ reason: 'invalid_json' })
    expect((refused as Error).cause).toBe(problem)
    // A body that parses to something other than an object has no cause to give.
    const notObject = await parseWebhookEvent(await delivery('[]')).catch((e: unknown) => e)
    expect((notObject as Error).cause).toBeUndefined()
  })

  it('drops one leading byte order mark from text and bytes alike, the MAC still covering it', async () => {
    const text = `\uFEFF${envelope('call.ended', { call_sid: 'CA7' })}`
    const bytes = new TextEncoder().encode(text)
    for (const payload of [text, bytes])
      expect((await parseWebhookEvent(await delivery(payload))).data).toEqual({ call_sid: 'CA7' })
    // Signed without the mark, the body with it is another body.
    const { signature } = await delivery(text.slice(1))
    await expect(parseWebhookEvent({ ...(await delivery(bytes)), signature })).rejects.toMatchObject({
      reason: 'signature_mismatch',
    })
    // Only one, as a UTF-8 decoder drops: a second one is not JSON, whichever form the body takes.
    const twice = `\uFEFF${text}`
    for (const payload of [twice, new TextEncoder().encode(twice)])
      await expect(parseWebhookEvent(await delivery(payload))).rejects.toMatchObject({
        reason: 'invalid_json',
      })
  })

  it('refuses an authentic body that is not UTF-8 as invalid_json rather than altering its text', async () => {
    const utf8 = (text: string) => [...new TextEncoder().encode(text)]
    // A lone 0xff, an overlong "/", an encoded surrogate, a sequence cut short.
    for (const bad of [
      [0xff, 0xfe],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xe2, 0x82],
    ]) {
      const body = Uint8Array.from([
        ...utf8('{"id":"evt_'),
        ...bad,
        ...utf8('","type":"x","timestamp":"t","data":{}}'),
      ])
      const error = await parseWebhookEvent(await delivery(body)).catch((e: unknown) => e)
      expect(error).toMatchObject({ reason: 'invalid_json' })
      expect((error as Error).cause).toBeInstanceOf(TypeError)
    }
  })

  it('decodes byte payloads as UTF-8 before parsing', async () => {
    const text = envelope('call.ended', { note: 'ünïcode ✓' })
    const d = await delivery(new TextEncoder().encode(text))
    expect((await parseWebhookEvent(d)).data).toEqual({ note: 'ünïcode ✓' })
  })
})

describe('event types', () => {
  it('keeps unknown types apart from known ones in the union', () => {
    expectTypeOf<Exclude<ParsedWebhookEvent, KnownWebhookEvent>>().toEqualTypeOf<UnknownWebhookEvent>()
    expectTypeOf<ParsedWebhookEvent>().toExtend<WebhookEvent>()
    expectTypeOf<UnknownWebhookEvent['data']>().toBeUnknown()
    expectTypeOf<UnknownWebhookEvent['type']>().toExtend<string>()
    expectTypeOf<WebhookEventOfType<'pipeline.error'>['data']>().toEqualTypeOf<
      WebhookEventDataMap['pipeline.error']
    >()
    expectTypeOf<WebhookEventOfType<'x.y'>>().toEqualTypeOf<WebhookEnvelope<'x.y', unknown>>()
  })
})
