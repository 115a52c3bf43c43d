// createTextChat's credential is its `token` option (or `getToken`): errors about it name `token`,
// not the `apiKey` of the URL helpers it shares code with.
import { isConfigurationError } from '@amigo-ai/core'
import { describe, expect, it } from 'vitest'
import { createTextChat, type ReconnectingWebSocketError } from '../src/index'
import { caught } from './helpers'

const base = { workspaceId: 'w', serviceId: 's', agentBaseUrl: 'ws://127.0.0.1:9' }

describe('createTextChat names its token', () => {
  it('a missing or blank token is refused naming token', () => {
    for (const token of [undefined, '', '  ']) {
      const error = caught(() => createTextChat({ ...base, token }))
      expect(isConfigurationError(error)).toBe(true)
      expect((error as Error).message).toMatch(/^token /)
    }
  })

  it('a getToken that returns nothing ends the chat with an error naming token', async () => {
    const errors: ReconnectingWebSocketError[] = []
    const chat = createTextChat({ ...base, getToken: () => '', onError: (e) => errors.push(e) })
    await chat.done
    expect(errors[0]?.reason).toBe('open_failed')
    expect(errors[0]?.message).toMatch(/: token is required/)
  })
})
