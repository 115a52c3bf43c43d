// The two ways to walk every agent of a paged list: AmigoClient's auto-pager and a hand-written
// fetch loop. Both are written as "give me the next page's worth of items" steps so that the suite
// can interleave them page by page.
import { AmigoClient } from '@amigo-ai/platform-sdk'
import { TOKEN, WORKSPACE_ID } from '../lib/fixtures.mjs'

export const PAGE_SIZE = 20

/** Base URL of a list holding `total` agents on the loopback server. */
export const listBase = (origin, total) => `${origin}/p/${total}`

/** `listAutoPaging`: each step pulls one page's worth of items from the iterator. */
export function autoPager(origin, total) {
  const client = new AmigoClient({
    apiKey: TOKEN,
    workspaceId: WORKSPACE_ID,
    baseUrl: listBase(origin, total),
  })
  const iterator = client.agents.listAutoPaging({ limit: PAGE_SIZE })
  let done = false
  return {
    get done() {
      return done
    },
    async step() {
      let n = 0
      while (n < PAGE_SIZE) {
        const next = await iterator.next()
        if (next.done) {
          done = true
          break
        }
        if (typeof next.value.id !== 'string') throw new Error('unexpected item')
        n++
      }
      return n
    },
  }
}

/** The loop a user would write by hand: fetch, check, parse, follow continuation_token. */
export function handLoop(origin, total) {
  const url = `${listBase(origin, total)}/v1/${WORKSPACE_ID}/agents`
  const headers = { authorization: `Bearer ${TOKEN}`, accept: 'application/json' }
  let token = 0
  let done = false
  return {
    get done() {
      return done
    },
    async step() {
      const res = await fetch(`${url}?limit=${PAGE_SIZE}&continuation_token=${token}`, { headers })
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      const page = await res.json()
      let n = 0
      for (const item of page.items) {
        if (typeof item.id !== 'string') throw new Error('unexpected item')
        n++
      }
      if (page.has_more) token = page.continuation_token
      else done = true
      return n
    },
  }
}

export const contestants = { listAutoPaging: autoPager, 'hand fetch loop': handLoop }
