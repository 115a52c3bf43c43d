// Child process for the concurrency test: saves `count` credentials through FileTokenStorage as
// fast as it can, each with a large token so a torn or interleaved write would show.
;(globalThis as Record<string, unknown>).__PACKAGE_VERSION__ = 'test'
const { FileTokenStorage } = await import('../../src/node/file-token-storage')

const [directory, writer, count] = process.argv.slice(2)
const storage = new FileTokenStorage({ directory })
const filler = (writer as string).repeat(20_000)
for (let i = 0; i < Number(count); i++) {
  await storage.save({
    access_token: `${writer}:${i}:${filler}`,
    refresh_token: `${writer}:${i}`,
    expires_at: Date.UTC(2030, 0, 1) / 1000 + i,
    workspace_id: `ws-${writer}`,
  })
}
process.stdout.write(`done ${writer}\n`)

export {}
