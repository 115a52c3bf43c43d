// No secret ever reaches the terminal: API keys, access and refresh tokens and webhook secrets stay
// out of stdout and stderr, in successes, failures, --debug output and echoed handler bodies.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveNode } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { type CliResult, cliEnv, runCli, startCli, tempConfigDir } from './helpers/cli'
import { startFastMock } from './helpers/mock'

const WEBHOOK_SECRET = 'whsec_never_print_me_0123456789'

function expectClean(results: CliResult[], secrets: string[]) {
  for (const r of results)
    for (const s of secrets) {
      expect(r.stdout).not.toContain(s)
      expect(r.stderr).not.toContain(s)
    }
}

describe('secrets stay out of the output', () => {
  it('API key, tokens and webhook secret, across commands, failures and --debug', async () => {
    const mock = await startFastMock()
    const dir = tempConfigDir()
    const results: CliResult[] = []
    try {
      const keyEnv = cliEnv({
        AMIGO_BASE_URL: mock.url,
        AMIGO_API_KEY: mock.apiKey,
        AMIGO_WORKSPACE_ID: mock.workspaceId,
      })
      results.push(await runCli(['api', 'get', '/v1/{workspace_id}/agents', '--debug'], { env: keyEnv }))
      results.push(await runCli(['api', 'get', '/v1/{workspace_id}/nope', '--debug'], { env: keyEnv }))
      results.push(await runCli(['whoami', '--debug'], { env: keyEnv }))
      // An error body echoing the credentials back is redacted too.
      const echo = await serveNode((req, res) => {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ detail: `bad auth header ${req.headers.authorization}` }))
      })
      results.push(
        await runCli(['api', 'get', '/v1/{workspace_id}/agents', '--debug'], {
          env: { ...keyEnv, AMIGO_BASE_URL: echo.url },
        }),
      )
      // A webhook handler that echoes the signing secret back.
      const hook = await serveNode((_req, res) => res.writeHead(400).end(`expected secret ${WEBHOOK_SECRET}`))
      results.push(
        await runCli(
          ['webhooks', 'trigger', 'call.ended', '--to', hook.url, '--secret', WEBHOOK_SECRET, '--debug'],
          { env: keyEnv },
        ),
      )
      results.push(
        await runCli(['webhooks', 'verify', '--secret', WEBHOOK_SECRET, '--debug'], {
          env: keyEnv,
          input: '{"headers":{},"body":"x"}',
        }),
      )
      await echo.close()
      await hook.close()

      const loginEnv = cliEnv({ AMIGO_BASE_URL: mock.url, AMIGO_CONFIG_DIR: dir })
      const login = startCli(['login', '--no-browser', '--debug'], { env: loginEnv })
      const [, code] = await login.waitFor(/shows the code ([A-Z]{4}-[A-Z]{4})/)
      mock.approveDeviceCode(code!)
      results.push(await login.result)
      const stored = JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8'))
      results.push(await runCli(['whoami', '--json', '--debug'], { env: loginEnv }))
      results.push(
        await runCli(
          ['events', 'tail', '--debug', '--retry-delay', '1', '--base-url', 'http://127.0.0.1:9'],
          { env: loginEnv },
        ),
      )
      mock.expireToken(stored.access_token)
      results.push(await runCli(['api', 'get', '/v1/{workspace_id}/agents', '--debug'], { env: loginEnv }))

      expect(results.some((r) => r.stderr.includes('[REDACTED]'))).toBe(true)
      expectClean(results, [mock.apiKey, stored.access_token, stored.refresh_token, WEBHOOK_SECRET])
    } finally {
      await mock.close()
    }
  })
})
