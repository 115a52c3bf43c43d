const { startMockPlatform, VERSION } = require('@amigo-ai/platform-mock')

async function main() {
  if (typeof VERSION !== 'string') throw new Error('no VERSION')
  const mock = await startMockPlatform({ port: 0 })
  try {
    const res = await fetch(`${mock.url}/v1/${mock.workspaceId}/world/entities?q=Jane%20Doe`, {
      headers: { authorization: `Bearer ${mock.apiKey}` },
    })
    const body = await res.json()
    if (res.status !== 200 || body.entities[0].display_name !== 'Jane Doe') {
      throw new Error(`unexpected answer ${res.status} ${JSON.stringify(body).slice(0, 200)}`)
    }
    console.log('platform-mock CJS ok', VERSION)
  } finally {
    await mock.close()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
