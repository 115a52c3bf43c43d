import { json, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest'
import type { WithResponseMetadata } from '../src/index'
import { makeTransport, rejectionOf } from './fixtures/helpers'
import type { OffsetPage, Thing, TokenPage } from './fixtures/paths'

// These tests run, but their main job is at typecheck time (`pnpm typecheck` covers test/).
let server: TestServer
afterEach(() => server?.close())

describe('typed helpers', () => {
  it('infer params, body and data from the paths type, with workspace_id optional', async () => {
    server = await startTestServer(json(200, { id: 't', name: 'n' }))
    const t = makeTransport(server)
    const one = await t.GET('/v1/{workspace_id}/things/{thing_id}', { params: { path: { thing_id: 't' } } })
    expectTypeOf(one.data).toEqualTypeOf<WithResponseMetadata<Thing>>()
    expect(one.data.name).toBe('n')
    expect(one.data._request_id).toBe('')
    expect(one.data.lastResponse.statusCode).toBe(200)

    const list = await t.GET('/v1/{workspace_id}/things', { params: { query: { limit: 1 } }, timeout: 5_000 })
    expectTypeOf(list.data).toEqualTypeOf<WithResponseMetadata<TokenPage>>()
    const noInit = await t.GET('/v1/{workspace_id}/entities')
    expectTypeOf(noInit.data).toEqualTypeOf<WithResponseMetadata<OffsetPage>>()

    const created = await t.POST('/v1/{workspace_id}/things', { body: { name: 'x' }, idempotencyKey: 'k' })
    expectTypeOf(created.data).toEqualTypeOf<WithResponseMetadata<Thing>>()

    const stream = await t.GET('/stream', { parseAs: 'stream' })
    expectTypeOf(stream.data).toEqualTypeOf<WithResponseMetadata<ReadableStream<Uint8Array> | null>>()

    // @ts-expect-error thing_id is required
    await rejectionOf(t.GET('/v1/{workspace_id}/things/{thing_id}', {}))
    // @ts-expect-error the body must match the schema
    await t.POST('/v1/{workspace_id}/things', { body: { nope: 1 } })
    // @ts-expect-error unknown path
    await t.GET('/v1/not-a-path').catch(() => undefined)
  })
})
