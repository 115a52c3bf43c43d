// Child process for the cross-process refresh test: one CLI run asking for a token from shared
// file storage whose access token has expired.
;(globalThis as Record<string, unknown>).__PACKAGE_VERSION__ = 'test'
const { FileTokenStorage } = await import('../../src/node/file-token-storage')
const { TokenManager } = await import('../../src/node/token-manager')

const [directory, identityBaseUrl] = process.argv.slice(2)
const tokens = new TokenManager({ storage: new FileTokenStorage({ directory }), identityBaseUrl })
process.stdout.write(`${(await tokens.getAccessToken())?.token}\n`)

export {}
