// A user signs in again (or a program stores new credentials) while a refresh of the old session is
// still waiting for the identity service: the newer login must win. The refresh's answer, when it
// lands, is for a session that was replaced, and must neither overwrite nor clear the new one.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sendJson, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import {
  FileTokenStorage,
  isRefreshTokenExpiredError,
  MemoryTokenStorage,
  type StoredCredentials,
  TokenManager,
  type TokenStorage,
} from '../src/index'

let server: TestServer | undefined
let directory: string | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  if (directory) await rm(directory, { recursive: true, force: true })
  directory = undefined
})

const EXPIRED: StoredCredentials = {
  access_token: 'old-at',
  refresh_token: 'old-rt',
  workspace_id: 'ws-1',
  expires_at: 1,
}
const NEW_LOGIN = {
  accessToken: 'new-at',
  refreshToken: 'new-rt',
  workspaceId: 'ws-2',
  expiresAt: Math.floor(Date.now() / 1000) + 3600,
}

/** An identity service that holds each refresh answer until the test lets it go. */
async function heldRefresh(
  answer: { status: number; body: unknown },
  storage: TokenStorage = new MemoryTokenStorage(),
) {
  let arrived = () => {}
  const received = new Promise<void>((r) => {
    arrived = r
  })
  let answerNow = () => {}
  const released = new Promise<void>((r) => {
    answerNow = r
  })
  server = await startTestServer({
    'POST /token': async (_req, res) => {
      arrived()
      await released
      sendJson(res, answer.status, answer.body)
    },
  })
  await storage.save(EXPIRED)
  const tokens = new TokenManager({ storage, identityBaseUrl: server.url })
  return { storage, tokens, received, answerNow }
}

const REFRESHED = { access_token: 'refreshed-at', refresh_token: 'refreshed-rt', expires_in: 3600 }

/**
 * Stores NEW_LOGIN through TokenManager.store while a refresh holding `answer` is in flight, then
 * lets the answer land; the caller waiting on the refresh and the storage both end with the new login.
 */
async function newLoginDuringRefresh(answer: { status: number; body: unknown }) {
  const held = await heldRefresh(answer)
  const pending = held.tokens.getAccessToken()
  await held.received
  await held.tokens.store(NEW_LOGIN)
  held.answerNow()
  expect(await pending).toEqual({ token: 'new-at', workspaceId: 'ws-2' })
  expect(await held.storage.load()).toMatchObject({ access_token: 'new-at', refresh_token: 'new-rt' })
  return held
}

describe('new credentials stored while a refresh is in flight', () => {
  it('through TokenManager.store: the refreshed token of the old session is dropped', async () => {
    const { tokens } = await newLoginDuringRefresh({ status: 200, body: REFRESHED })
    expect(await tokens.getAccessToken()).toEqual({ token: 'new-at', workspaceId: 'ws-2' })
    expect(server?.requestsTo('/token')).toHaveLength(1)
  })

  it('through the storage itself (another manager, or code saving directly)', async () => {
    const { storage, tokens, received, answerNow } = await heldRefresh({ status: 200, body: REFRESHED })
    const pending = tokens.refresh()
    await received
    await storage.save({ ...EXPIRED, access_token: 'saved-at', refresh_token: 'saved-rt', expires_at: 9e9 })
    answerNow()
    expect(await pending).toMatchObject({ access_token: 'saved-at', refresh_token: 'saved-rt' })
    expect(await storage.load()).toMatchObject({ access_token: 'saved-at', refresh_token: 'saved-rt' })
  })

  it('a refused refresh of the old session does not sign the new login out', async () => {
    const { storage, tokens } = await newLoginDuringRefresh({ status: 400, body: { error: 'invalid_grant' } })
    // Without a newer login, the same refusal still signs out.
    await storage.save(EXPIRED)
    await tokens.load()
    expect(isRefreshTokenExpiredError(await tokens.getAccessToken().catch((e) => e))).toBe(true)
    expect(await storage.load()).toBeNull()
  })

  it('a sign-out while the refresh is in flight stays signed out', async () => {
    const { storage, tokens, received, answerNow } = await heldRefresh({ status: 200, body: REFRESHED })
    const pending = tokens.getAccessToken()
    await received
    await tokens.clear()
    answerNow()
    expect(await pending).toBeNull()
    expect(await storage.load()).toBeNull()
  })

  it('a sign-out waiting for the lock of a FileTokenStorage refresh stays signed out', async () => {
    directory = await mkdtemp(join(tmpdir(), 'amigo-superseded-'))
    const storage = new FileTokenStorage({ directory })
    const { tokens, received, answerNow } = await heldRefresh({ status: 200, body: REFRESHED }, storage)
    const pending = tokens.getAccessToken()
    await received
    // The clear waits for the refresh's lock, so the refreshed token is saved first, then deleted.
    const cleared = tokens.clear()
    answerNow()
    expect(await pending).toEqual({ token: 'refreshed-at', workspaceId: 'ws-1' })
    await cleared
    expect(await storage.load()).toBeNull()
    expect(await tokens.hasCredentials()).toBe(false)
    expect(await tokens.getAccessToken()).toBeNull()
  })
})
