// A long conversation on one open socket: each message costs the chat nothing once its reply is in.
// Measured on the heap after a full collection, over thousands of messages, so a few hundred bytes
// kept per message (a reaction left on a promise that lives as long as the chat) shows as megabytes.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { startWsServer, type WsConnection } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { WebSocket as NodeWs } from 'ws'
import { createTextChat, type TextChatOptions } from '../src/index'
import { chatAt, fast, track } from './helpers'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** Answers every user message at once, keeping none (the test server records what it receives). */
const echo = (conn: WsConnection) =>
  conn.socket.on('message', () => {
    conn.messages.length = 0
    conn.send({ type: 'message', text: 'ok' })
    conn.send({ type: 'done' })
  })

const heapAfterGc = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

describe('createTextChat: memory over a long conversation', () => {
  it('stays flat over 8,000 messages on one socket', async () => {
    const server = track(await startWsServer({ onConnection: echo }))
    const chat = createTextChat({
      ...chatAt(server),
      ...fast,
      WebSocket: NodeWs as unknown as TextChatOptions['WebSocket'],
    })
    try {
      const talk = async (n: number) => {
        for (let i = 0; i < n; i++) await chat.send(`m${i}`)
      }
      await talk(1_000)
      const before = heapAfterGc()
      await talk(8_000)
      const grown = heapAfterGc() - before
      // About 320 B a message (2.5 MB here) when every send left a reaction on the chat's `done`.
      expect(grown).toBeLessThan(1_000_000)
    } finally {
      chat.close()
      await chat.done
    }
  }, 60_000)
})
