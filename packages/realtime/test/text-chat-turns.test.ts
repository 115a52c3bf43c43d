// The reply queue of createTextChat on its own: how server frames settle the waiting turns.
import { isAmigoError } from '@amigo-ai/core'
import { describe, expect, it } from 'vitest'
import type { TextChatServerFrame } from '../src/index'
import { TextChatTurns } from '../src/text-chat/text-chat-turns'

const frame = (f: Record<string, unknown>) => f as unknown as TextChatServerFrame

describe('TextChatTurns', () => {
  it('gives deltas to the oldest turn and resolves it with the joined deltas on done', async () => {
    const deltas: string[] = []
    const turns = new TextChatTurns(undefined, (text) => deltas.push(text))
    const reply = turns.add(() => {})
    turns.apply(frame({ type: 'token', text: 'Hel', conversation_id: 'conv-1' }))
    turns.apply(frame({ type: 'token', text: 'lo' }))
    turns.apply(frame({ type: 'done' }))
    expect(await reply).toEqual({ text: 'Hello', conversationId: 'conv-1' })
    expect(deltas).toEqual(['Hel', 'lo'])
    expect(turns.conversationId).toBe('conv-1')
  })

  it('a done after a message closes the answered turn, not the next one waiting', async () => {
    const turns = new TextChatTurns('conv-0', undefined)
    const first = turns.add(() => {})
    const second = turns.add(() => {})
    turns.apply(frame({ type: 'message', role: 'user', text: 'echo of the question' }))
    turns.apply(frame({ type: 'message', role: 'assistant', text: 'first answer' }))
    turns.apply(frame({ type: 'done' }))
    expect(await first).toEqual({ text: 'first answer', conversationId: 'conv-0' })
    let settled = false
    second.then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(false)
    turns.apply(frame({ type: 'message', text: 'second answer' }))
    expect((await second).text).toBe('second answer')
  })

  it('rejects the oldest turn on an error frame, naming the agent error', async () => {
    const turns = new TextChatTurns(undefined, undefined)
    const reply = turns.add(() => {})
    turns.apply(frame({ type: 'error', message: 'tool failed' }))
    const error = await reply.catch((e: unknown) => e)
    expect(isAmigoError(error)).toBe(true)
    expect((error as Error).message).toBe('The agent reported an error: tool failed')
    expect((error as { errorCode?: string }).errorCode).toBe('agent_error')
  })

  it('failAll rejects every waiting turn; a send that throws rejects its own turn only', async () => {
    const turns = new TextChatTurns(undefined, undefined)
    const refused = turns.add(() => {
      throw new Error('socket not open')
    })
    await expect(refused).rejects.toThrow('socket not open')
    const a = turns.add(() => {})
    const b = turns.add(() => {})
    const dropped = new Error('dropped')
    turns.failAll(dropped)
    await expect(a).rejects.toBe(dropped)
    await expect(b).rejects.toBe(dropped)
    // Nothing is left waiting: a late frame settles nothing and throws nothing.
    expect(() => turns.apply(frame({ type: 'done' }))).not.toThrow()
  })

  it('tells onWaiting when the first turn starts waiting and when the last one is settled', async () => {
    const changes: boolean[] = []
    const turns = new TextChatTurns(undefined, undefined, (waiting) => changes.push(waiting))
    // A message the socket refused never waited.
    await turns
      .add(() => {
        throw new Error('socket not open')
      })
      .catch(() => {})
    expect(changes).toEqual([])
    const first = turns.add(() => {})
    const second = turns.add(() => {})
    expect(changes).toEqual([true])
    turns.apply(frame({ type: 'token', text: 'a' }))
    turns.apply(frame({ type: 'message', text: 'first' }))
    expect(changes).toEqual([true])
    turns.apply(frame({ type: 'error', message: 'second failed' }))
    expect(changes).toEqual([true, false])
    await first
    await second.catch(() => {})
    const third = turns.add(() => {})
    turns.failAll(new Error('dropped'))
    await third.catch(() => {})
    expect(changes).toEqual([true, false, true, false])
    turns.failAll(new Error('nothing waiting'))
    expect(changes).toEqual([true, false, true, false])
  })
})
