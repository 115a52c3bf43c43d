import { afterEach, describe, expect, it } from 'vitest'
import { type Served, serveNode } from '../src/index'

let served: Served | undefined
afterEach(async () => {
  await served?.close()
  served = undefined
})

describe('serveNode', () => {
  it('answers 500 when the listener throws before it returns, and keeps serving', async () => {
    let calls = 0
    served = await serveNode((_req, res) => {
      if (calls++ === 0) throw new Error('listener failed')
      res.end('second')
    })
    expect((await fetch(served.url)).status).toBe(500)
    const next = await fetch(served.url)
    expect(await next.text()).toBe('second')
  })

  it('answers 500 when an async listener rejects', async () => {
    served = await serveNode(async () => {
      throw new Error('listener failed')
    })
    expect((await fetch(served.url)).status).toBe(500)
  })
})
