// A backend service with the umbrella, against the local platform from @amigo-ai/platform-mock
// (both installed from the registry): create, read and list agents, and a typed 404.
import { randomUUID } from 'node:crypto'
import { startMockPlatform } from '@amigo-ai/platform-mock'
import { AmigoClient, isNotFoundError, VERSION } from '@amigo-ai/platform-sdk'
import { assert, report } from './results.mjs'

const mock = await startMockPlatform({ port: 0, seed: 1, latencyMs: 0 })
try {
  const amigo = new AmigoClient({ apiKey: mock.apiKey, workspaceId: mock.workspaceId, baseUrl: mock.url })
  await report('agents', async () => {
    const created = await amigo.agents.create({ name: 'rehearsal agent', description: 'release rehearsal' })
    const fetched = await amigo.agents.get(created.id)
    assert(fetched.name === 'rehearsal agent', `agents.get returned ${JSON.stringify(fetched.name)}`)
    const page = await amigo.agents.list({ limit: 10 })
    assert(
      page.items.some((a) => a.id === created.id),
      'agents.list does not show the new agent',
    )
    return `platform-sdk ${VERSION}: created ${created.id}, read it back (request ${fetched._request_id}), listed ${page.items.length}`
  })
  await report('typed errors', async () => {
    const err = await amigo.agents.get(randomUUID()).catch((e) => e)
    assert(isNotFoundError(err), `expected a NotFoundError, got ${err?.name}: ${err?.message}`)
    return `${err.name} ${err.status} for a missing agent`
  })
} finally {
  await mock.close()
}
