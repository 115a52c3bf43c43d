// Device-code login against the platform mock, as a user runs it: the CLI prints the code, the
// "user" approves it (the mock's helper stands in for the browser), the tokens land in the
// profile's file, and whoami / api use them, refreshing them when they expire.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import type { MockPlatform } from '@amigo-ai/platform-mock'
import { serveNode, startIdentityServer, startTestServer, waitFor } from '@amigo-ai/test-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type CliResult, cliEnv, runCli, spawnCli, startCli, tempConfigDir } from './helpers/cli'
import { startFastMock } from './helpers/mock'

let mock: MockPlatform
let env: NodeJS.ProcessEnv
beforeEach(async () => {
  mock = await startFastMock()
  env = cliEnv({ AMIGO_CONFIG_DIR: tempConfigDir(), AMIGO_BASE_URL: mock.url })
})
afterEach(() => mock.close())

/** Runs `amigo login`, approving the code it prints with `approve` once it is shown. */
async function login(args: string[], approve: (code: string) => void): Promise<CliResult> {
  const cli = startCli(['login', '--no-browser', ...args], { env })
  const [, code] = await cli.waitFor(/shows the code ([A-Z]{4}-[A-Z]{4})/)
  approve(code!)
  return cli.result
}

const credentials = (profile = 'default') =>
  JSON.parse(
    readFileSync(
      join(env.AMIGO_CONFIG_DIR!, profile === 'default' ? 'credentials.json' : `credentials-${profile}.json`),
      'utf8',
    ),
  )

/** Writes the lock of credentials file `file` as held by this (live) process, as by another amigo mid-refresh. */
function holdCredentialsLock(file: string): string {
  const lock = `${process.pid} host=${encodeURIComponent(hostname())} ${new Date().toISOString()} held\n`
  writeFileSync(`${file}.lock`, lock)
  return lock
}

describe('amigo login', () => {
  it('without a login, the hint names the profile the command used, so following it signs in that one', async () => {
    const fresh = cliEnv({ AMIGO_CONFIG_DIR: tempConfigDir(), AMIGO_BASE_URL: mock.url })
    const other = await runCli(['whoami', '--profile', 'staging'], { env: fresh })
    expect(other.code).toBe(3)
    expect(other.stderr).toContain("hint: run 'amigo login --profile staging', or set AMIGO_API_KEY")
    const plain = await runCli(['whoami'], { env: fresh })
    expect(plain.stderr).toContain("hint: run 'amigo login', or set AMIGO_API_KEY")
  })

  it('a profile name no file can carry is a usage error naming where it came from', async () => {
    const fresh = cliEnv({ AMIGO_CONFIG_DIR: tempConfigDir(), AMIGO_BASE_URL: mock.url })
    const flag = await runCli(['whoami', '--profile', '../other'], { env: fresh })
    expect(flag.code).toBe(2)
    expect(flag.stderr).toMatch(/^error: --profile: Profile names use letters/m)
    const env = await runCli(['whoami'], { env: { ...fresh, AMIGO_PROFILE: 'a b' } })
    expect(env.code).toBe(2)
    expect(env.stderr).toMatch(/^error: AMIGO_PROFILE: Profile names use letters/m)
  })

  it('an empty --workspace is refused rather than taken as none, and one no path can carry as such', async () => {
    const fresh = cliEnv({ AMIGO_CONFIG_DIR: tempConfigDir(), AMIGO_BASE_URL: mock.url })
    const before = mock.requests.length
    const r = await runCli(['login', '--no-browser', '--workspace', ''], { env: fresh })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('error: --workspace is empty')
    expect(mock.requests.slice(before)).toEqual([])
    // An id no API path can carry is refused naming the flag, before anything is sent.
    for (const [workspace, problem] of [
      ['ws/../admin', 'contains "/"'],
      ['..', 'is the dot segment ".."'],
    ]) {
      const bad = await runCli(['login', '--no-browser', '--workspace', workspace!], { env: fresh })
      expect(bad.code).toBe(2)
      expect(bad.stderr).toContain(`error: --workspace ${problem}`)
    }
    expect(mock.requests.slice(before)).toEqual([])
  })

  it('prints the code and link, waits for approval, and stores the tokens privately', async () => {
    const r = await login([], (code) => mock.approveDeviceCode(code))
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(new RegExp(`open ${mock.url}/device\\?user_code=[A-Z]{4}-[A-Z]{4}`))
    expect(r.stderr).toMatch(/Waiting for you to approve/)
    expect(r.stdout).toBe(`✓ Signed in to workspace ${mock.workspaceId}\n`)
    const file = join(env.AMIGO_CONFIG_DIR!, 'credentials.json')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const stored = credentials()
    expect(stored.workspace_id).toBe(mock.workspaceId)
    expect(r.stdout + r.stderr).not.toContain(stored.access_token)
    expect(r.stdout + r.stderr).not.toContain(stored.refresh_token)
  })

  it('whoami shows workspace, expiry and scope but never the token; api calls use the login', async () => {
    expect((await login([], (code) => mock.approveDeviceCode(code))).code).toBe(0)
    const who = await runCli(['whoami'], { env })
    expect(who.code).toBe(0)
    expect(who.stdout).toMatch(new RegExp(`workspace id +${mock.workspaceId}`))
    expect(who.stdout).toMatch(/source +login \(profile default\)/)
    expect(who.stdout).toMatch(/expires at +valid until \d{4}-\d\d-\d\dT/)
    expect(who.stdout).toMatch(/scope +\S+/)
    const json = JSON.parse((await runCli(['whoami', '--json'], { env })).stdout)
    expect(json).toMatchObject({ workspace_id: mock.workspaceId, base_url: mock.url })
    expect(Date.parse(json.expires_at)).toBeGreaterThan(Date.now())
    const { access_token, refresh_token } = credentials()
    expect(who.stdout + who.stderr).not.toContain(access_token)
    expect(who.stdout + who.stderr).not.toContain(refresh_token)

    const api = await runCli(['api', 'get', '/v1/{workspace_id}/agents', '-q', 'limit=1', '--json'], { env })
    expect(api.code).toBe(0)
    expect(JSON.parse(api.stdout).items).toHaveLength(1)
  })

  it('remembers the platform it signed in to, so later commands need no --base-url', async () => {
    const withFlag = cliEnv({ AMIGO_CONFIG_DIR: env.AMIGO_CONFIG_DIR })
    env = withFlag
    const r = await login(['--base-url', mock.url], (code) => mock.approveDeviceCode(code))
    expect(r.code).toBe(0)
    const api = await runCli(['api', 'get', '/v1/{workspace_id}/agents'], { env: withFlag })
    expect(api.code).toBe(0)
  })

  it('never sends the login to another origin given by --base-url / AMIGO_BASE_URL (exit 3)', async () => {
    expect((await login([], (code) => mock.approveDeviceCode(code))).code).toBe(0)
    const seen: string[] = []
    const other = await serveNode((req, res) => {
      seen.push(`${req.url} ${req.headers.authorization ?? ''}`)
      res.end('{}')
    })
    try {
      const otherEnv = { ...env, AMIGO_BASE_URL: other.url }
      for (const args of [['api', 'get', '/v1/{workspace_id}/agents'], ['events', 'tail'], ['whoami']]) {
        const r = await runCli(args, { env: otherEnv })
        expect(r.code, args.join(' ')).toBe(3)
        expect(r.stderr).toContain(
          `error: the login of profile default was made at ${mock.url}, not ${other.url}`,
        )
        expect(r.stderr).toMatch(/hint: run 'amigo login --base-url/)
      }
      expect(seen).toEqual([])
    } finally {
      await other.close()
    }
  })

  it('a --base-url / AMIGO_BASE_URL with a password is refused without printing it (exit 2)', async () => {
    expect((await login([], (code) => mock.approveDeviceCode(code))).code).toBe(0)
    const withPassword = mock.url.replace('http://', 'http://someone:hunter2-secret@')
    const cases = [
      [
        { ...env, AMIGO_BASE_URL: withPassword },
        /^error: AMIGO_BASE_URL must not contain a user or password\n/,
      ],
      [
        { ...env, AMIGO_BASE_URL: 'http://someone:hunter2-secret@[bad' },
        /^error: AMIGO_BASE_URL is not a URL\n/,
      ],
    ] as const
    for (const [caseEnv, message] of cases) {
      for (const args of [
        ['api', 'get', '/v1/{workspace_id}/agents'],
        ['whoami'],
        ['login', '--no-browser'],
      ]) {
        const r = await runCli(args, { env: caseEnv })
        expect(r.code, args.join(' ')).toBe(2)
        expect(r.stderr).toMatch(message)
        expect(r.stderr + r.stdout).not.toContain('hunter2')
      }
    }
  })

  it('a login without identity_base_url (official SDK file) belongs to the public platform: another origin is refused', async () => {
    expect((await login([], (code) => mock.approveDeviceCode(code))).code).toBe(0)
    const { identity_base_url: _, ...official } = credentials()
    writeFileSync(join(env.AMIGO_CONFIG_DIR!, 'credentials.json'), JSON.stringify(official))
    const seen: string[] = []
    const other = await serveNode((req, res) => {
      seen.push(`${req.url} ${req.headers.authorization ?? ''}`)
      res.end('{}')
    })
    try {
      for (const args of [['api', 'get', '/v1/{workspace_id}/agents'], ['events', 'tail'], ['whoami']]) {
        const r = await runCli(args, { env: { ...env, AMIGO_BASE_URL: other.url } })
        expect(r.code, args.join(' ')).toBe(3)
        expect(r.stderr).toContain(
          `error: the login of profile default names no identity_base_url, so it belongs to https://api.platform.amigo.ai, not ${other.url}`,
        )
        expect(r.stderr).toMatch(/hint: run 'amigo login --base-url/)
      }
      expect(seen).toEqual([])
    } finally {
      await other.close()
    }
  })

  it('a credentials file with an unusable identity_base_url names the file (exit 3)', async () => {
    expect((await login([], (code) => mock.approveDeviceCode(code))).code).toBe(0)
    const file = join(env.AMIGO_CONFIG_DIR!, 'credentials.json')
    writeFileSync(file, JSON.stringify({ ...credentials(), identity_base_url: 'ftp://x' }))
    const r = await runCli(['api', 'get', '/v1/{workspace_id}/agents'], {
      env: { ...env, AMIGO_BASE_URL: '' },
    })
    expect(r.code).toBe(3)
    expect(r.stderr).toContain(`error: ${file} has an unusable identity_base_url`)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('a credentials file whose workspace_id or access_token no request can carry is exit 3 naming the file, never the value', async () => {
    const file = join(env.AMIGO_CONFIG_DIR!, 'credentials.json')
    const login = {
      access_token: 'at-0123456789',
      refresh_token: 'rt-0123456789',
      workspace_id: mock.workspaceId,
      expires_at: Math.floor(Date.now() / 1000) + 3600,
      identity_base_url: mock.url,
    }
    const cases: Array<[string, Record<string, string>]> = [
      ['workspace_id', { workspace_id: 'ws/../../admin' }],
      ['workspace_id', { workspace_id: '..' }],
      ['access_token', { access_token: 'at-SECRET\r\nX-Evil: 1' }],
      ['access_token', { access_token: 'at-SECRET-\u4e2d-0123' }],
    ]
    for (const [field, change] of cases) {
      writeFileSync(file, JSON.stringify({ ...login, ...change }), { mode: 0o600 })
      for (const args of [['whoami'], ['api', 'get', '/v1/{workspace_id}/agents'], ['events', 'tail']]) {
        const r = await runCli(args, { env })
        expect(r.code, `${args.join(' ')} ${field}: ${r.stderr}`).toBe(3)
        expect(r.stderr).toBe(
          `error: the credentials file ${file} has an unusable ${field}\n` +
            "hint: sign in again with 'amigo login', or delete the file\n",
        )
        expect(r.stderr).not.toMatch(/admin|SECRET/)
      }
    }
    expect(mock.requests).toEqual([])
  })

  it('a credentials file that is not JSON is exit 3 naming the file, never its content; login fixes it', async () => {
    const token = 'eyJ-half-written-token-0123456789'
    for (const profile of ['default', 'staging']) {
      const name = profile === 'default' ? 'credentials.json' : `credentials-${profile}.json`
      const file = join(env.AMIGO_CONFIG_DIR!, name)
      writeFileSync(file, `{"access_token": "${token}`)
      const flag = profile === 'default' ? [] : ['--profile', profile]
      for (const args of [['whoami'], ['api', 'get', '/v1/{workspace_id}/agents'], ['events', 'tail']]) {
        const r = await runCli([...args, ...flag], { env })
        expect(r.code, args.join(' ')).toBe(3)
        expect(r.stderr).toBe(
          `error: the credentials file ${file} is not valid JSON\n` +
            `hint: sign in again with 'amigo login${flag.length ? ` --profile ${profile}` : ''}', or delete the file\n`,
        )
        expect(r.stdout).toBe('')
        expect(r.stderr).not.toContain(token)
      }
    }
    expect((await login([], (code) => mock.approveDeviceCode(code))).code).toBe(0)
    expect((await runCli(['whoami'], { env })).code).toBe(0)
  })

  it('a credentials path that is a folder is exit 3 saying so, and login stops before asking for a code', async () => {
    const file = join(env.AMIGO_CONFIG_DIR!, 'credentials.json')
    mkdirSync(file, { recursive: true })
    const expected =
      `error: the credentials path ${file} is not a regular file\n` +
      "hint: move it aside, then sign in with 'amigo login'\n"
    for (const args of [['whoami'], ['api', 'get', '/v1/{workspace_id}/agents'], ['login', '--no-browser']]) {
      const r = await runCli(args, { env })
      expect(r.code, args.join(' ')).toBe(3)
      expect(r.stderr, args.join(' ')).toBe(expected)
    }
    expect(mock.requests).toEqual([])
  })

  it('a credentials file larger than the storage reads is exit 3 saying so', async () => {
    writeFileSync(join(env.AMIGO_CONFIG_DIR!, 'credentials.json'), ' '.repeat(1024 * 1024 + 1))
    const r = await runCli(['whoami'], { env })
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(/^error: the credentials file .*credentials\.json is larger than 1 MiB\n/)
  })

  it('a stored expiry past the year 5000 (milliseconds, or beyond any date) is refreshed, never trusted', async () => {
    for (const expiresAt of [Date.now() - 3600_000, 1e13]) {
      expect((await login([], (code) => mock.approveDeviceCode(code))).code).toBe(0)
      const before = credentials()
      writeFileSync(
        join(env.AMIGO_CONFIG_DIR!, 'credentials.json'),
        JSON.stringify({ ...before, expires_at: expiresAt }),
      )
      const who = await runCli(['whoami'], { env })
      expect(who.code, who.stderr).toBe(0)
      expect(who.stdout).toMatch(/expires at +valid until \d{4}-\d\d-\d\dT/)
      expect(credentials().access_token).not.toBe(before.access_token)
    }
  })

  it('refreshes an expired token before using it and stores the new one', async () => {
    await mock.close()
    // Tokens shorter-lived than the 60 s refresh margin are refreshed on every use.
    mock = await startFastMock({ tokenTtlSeconds: 30 })
    env = cliEnv({ AMIGO_CONFIG_DIR: tempConfigDir(), AMIGO_BASE_URL: mock.url })
    expect((await login([], (code) => mock.approveDeviceCode(code))).code).toBe(0)
    const before = credentials().access_token
    const api = await runCli(['api', 'get', '/v1/{workspace_id}/agents'], { env })
    expect(api.code).toBe(0)
    const refreshes = mock.requests.filter(
      (r) => r.path === '/token' && (r.body as Record<string, string>)?.grant_type === 'refresh_token',
    )
    expect(refreshes.length).toBeGreaterThanOrEqual(1)
    expect(credentials().access_token).not.toBe(before)
  })

  it('several workspaces without a terminal: names them and asks for --workspace (exit 2)', async () => {
    const other = 'ws-second'
    const r = await login([], (code) =>
      mock.approveDeviceCode(code, { workspaces: [mock.workspaceId, other] }),
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      new RegExp(`error: your account has 2 workspaces: ${mock.workspaceId}, ${other}`),
    )
    expect(r.stderr).toMatch(/hint: run 'amigo login --workspace <id>'/)
  })

  it('a workspace question offering no workspace: one line saying so, nothing stored (exit 3)', async () => {
    const identity = await startIdentityServer({ issuance: { interval: 0 }, polls: [{ workspaces: [] }] })
    try {
      const r = await runCli(['login', '--no-browser'], { env: { ...env, AMIGO_BASE_URL: identity.url } })
      expect(r.code).toBe(3)
      expect(r.stderr).toMatch(
        /^error: The identity service asked which workspace to sign in to but offered none/m,
      )
      expect(r.stderr).not.toMatch(/0 workspaces|must return/)
      expect(existsSync(join(env.AMIGO_CONFIG_DIR!, 'credentials.json'))).toBe(false)
    } finally {
      await identity.close()
    }
  })

  it('an identity service naming a workspace that cannot be one path segment: refused, nothing stored (exit 1)', async () => {
    const identity = await startIdentityServer({
      issuance: { interval: 0 },
      polls: [{ token: { workspace_id: 'ws/../../admin' } }],
    })
    try {
      const r = await runCli(['login', '--no-browser'], { env: { ...env, AMIGO_BASE_URL: identity.url } })
      expect(r.code, r.stderr).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^error: The token response's workspace_id contains "\/"$/m)
      expect(existsSync(join(env.AMIGO_CONFIG_DIR!, 'credentials.json'))).toBe(false)
    } finally {
      await identity.close()
    }
  })

  it('several workspaces with --workspace: signs in to that one', async () => {
    const second = mock.store.workspaces?.list?.()[1]?.id ?? 'ws-second'
    const r = await login(['--workspace', second], (code) =>
      mock.approveDeviceCode(code, { workspaces: [mock.workspaceId, second] }),
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`Signed in to workspace ${second}`)
    expect(credentials().workspace_id).toBe(second)
  })

  it('a denied sign-in exits 3 with one line and a hint', async () => {
    const r = await login([], (code) => mock.denyDeviceCode(code))
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(/error: .*denied/i)
    expect(r.stderr).toMatch(/hint: /)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('Ctrl-C while waiting cancels with exit 130', async () => {
    const cli = spawnCli(['login', '--no-browser'], { env })
    await cli.waitFor(/Waiting for you to approve/)
    cli.child.kill('SIGINT')
    const r = await cli.result
    expect(r.code).toBe(130)
    expect(r.stderr).toMatch(/error: login cancelled/)
  })

  it('Ctrl-C while whoami waits for a refresh the identity service is slow to answer: exit 130 at once', async () => {
    const silent = await startTestServer({ 'POST /token': () => {} })
    try {
      const dir = tempConfigDir()
      const stored = {
        access_token: 'at-expired-0123456789',
        refresh_token: 'rt-slow-0123456789',
        workspace_id: 'ws-1',
        expires_at: 1,
        identity_base_url: silent.url,
      }
      writeFileSync(join(dir, 'credentials.json'), JSON.stringify(stored), { mode: 0o600 })
      const cli = startCli(['whoami'], { env: cliEnv({ AMIGO_CONFIG_DIR: dir }) })
      await waitFor(() => silent.requests.length === 1, 5000, 'the refresh request')
      cli.stop()
      const r = await cli.result
      expect(r.code, r.stderr).toBe(130)
      expect(r.stderr).toBe('interrupted\n')
      expect(JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8'))).toEqual(stored)
    } finally {
      await silent.close()
    }
  })

  it('Ctrl-C while whoami, login or logout waits for the credentials lock another live process holds: exit 130 at once', async () => {
    const dir = tempConfigDir()
    const file = join(dir, 'credentials.json')
    const stored = JSON.stringify({
      access_token: 'at-0123456789',
      refresh_token: 'rt-0123456789',
      workspace_id: 'ws-1',
      expires_at: 1,
      identity_base_url: mock.url,
    })
    writeFileSync(file, stored, { mode: 0o600 })
    const lock = holdCredentialsLock(file)
    for (const args of [['whoami'], ['login', '--no-browser'], ['logout']]) {
      const cli = startCli(args, { env: cliEnv({ AMIGO_CONFIG_DIR: dir, AMIGO_BASE_URL: mock.url }) })
      // Stopped whenever it gets to the wait: a stop that comes first must end it just the same.
      await new Promise((resolve) => setTimeout(resolve, 100))
      cli.stop()
      const r = await cli.result
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(130)
      expect(r.stderr).toBe('interrupted\n')
    }
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(lock)
    expect(readFileSync(file, 'utf8')).toBe(stored)
    expect(mock.requests).toEqual([])
  })

  it('Ctrl-C while login waits for the lock to save the approved login: cancelled (exit 130), nothing saved', async () => {
    const dir = tempConfigDir()
    const file = join(dir, 'credentials.json')
    const cli = startCli(['login', '--no-browser'], {
      env: cliEnv({ AMIGO_CONFIG_DIR: dir, AMIGO_BASE_URL: mock.url }),
    })
    const [, code] = await cli.waitFor(/shows the code ([A-Z]{4}-[A-Z]{4})/)
    // Taken after login checked the folder, so the wait is the one for saving the tokens.
    const lock = holdCredentialsLock(file)
    mock.approveDeviceCode(code!)
    await waitFor(
      () => mock.requests.some((r) => r.path === '/token' && r.status === 200),
      5000,
      'the tokens',
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
    cli.stop()
    const r = await cli.result
    expect(r.code, r.stderr).toBe(130)
    expect(r.stderr).toMatch(/error: login cancelled/)
    expect(existsSync(file)).toBe(false)
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(lock)
  })

  it('profiles are separate; logout forgets only its own', async () => {
    expect((await login(['--profile', 'staging'], (code) => mock.approveDeviceCode(code))).code).toBe(0)
    expect(credentials('staging').workspace_id).toBe(mock.workspaceId)
    const noDefault = await runCli(['whoami'], { env })
    expect(noDefault.code).toBe(3)
    expect(noDefault.stderr).toMatch(/not signed in \(profile default\)/)
    expect((await runCli(['whoami', '--profile', 'staging'], { env })).code).toBe(0)
    const out = await runCli(['logout', '--profile', 'staging'], { env })
    expect(out.stdout).toBe('Signed out (profile staging)\n')
    expect((await runCli(['whoami', '--profile', 'staging'], { env })).code).toBe(3)
    expect((await runCli(['logout'], { env })).stdout).toMatch(/Not signed in \(profile default\)/)
  })

  it('an invalid profile name is a usage error', async () => {
    const r = await runCli(['whoami', '--profile', '../etc'], { env })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/error: .*profile/i)
  })

  it('an empty --profile (an unset shell variable) is a usage error; the default login is left alone', async () => {
    expect((await login([], (code) => mock.approveDeviceCode(code))).code).toBe(0)
    const before = credentials()
    const requests = mock.requests.length
    for (const command of [['login', '--no-browser'], ['logout'], ['whoami']]) {
      const r = await runCli([...command, '--profile', ''], { env })
      expect(r.code, command[0]).toBe(2)
      expect(r.stderr).toMatch(/^error: --profile is empty\n/)
    }
    expect(mock.requests.length).toBe(requests)
    expect(credentials()).toEqual(before)
    // An empty AMIGO_PROFILE is no profile, as an empty AMIGO_BASE_URL is no base URL.
    const who = await runCli(['whoami'], { env: { ...env, AMIGO_PROFILE: '' } })
    expect(who.code, who.stderr).toBe(0)
    expect(who.stdout).toMatch(/source +login \(profile default\)/)
  })

  it('a credentials folder that cannot be written fails before the sign-in starts, naming why', async () => {
    const identity = await startIdentityServer({
      issuance: { interval: 0 },
      polls: [{ token: { workspace_id: 'ws-1' } }],
    })
    try {
      // Under a file, so no folder can be made there (a read-only folder does not stop root).
      const file = join(tempConfigDir(), 'not-a-folder')
      writeFileSync(file, '')
      const dir = join(file, 'amigo')
      const r = await runCli(['login', '--no-browser'], {
        env: cliEnv({ AMIGO_CONFIG_DIR: dir, AMIGO_BASE_URL: identity.url }),
      })
      expect(r.code).toBe(1)
      expect(r.stderr).toBe(
        `error: Could not prepare the credentials directory ${dir} (ENOTDIR)\n` +
          'hint: check the permissions of that path, or set AMIGO_CONFIG_DIR to a folder of your own\n',
      )
      // No code was asked for: nobody was sent to the browser to approve a login that is then lost.
      expect(identity.calls).toEqual([])
    } finally {
      await identity.close()
    }
  })

  it('a workspace id with control characters is shown escaped, not obeyed by the terminal', async () => {
    const identity = await startIdentityServer({
      issuance: { interval: 0 },
      polls: [{ token: { workspace_id: 'ws-1\u001b[2J' } }],
    })
    try {
      const r = await runCli(['login', '--no-browser'], {
        env: cliEnv({ AMIGO_CONFIG_DIR: tempConfigDir(), AMIGO_BASE_URL: identity.url }),
      })
      expect(r.code).toBe(0)
      expect(r.stdout).toBe('✓ Signed in to workspace ws-1\\x1b[2J\n')
    } finally {
      await identity.close()
    }
  })

  it('a token inside the refresh margin with no refresh token: login warns, whoami claims no HTTP status', async () => {
    const identity = await startIdentityServer({
      issuance: { interval: 0 },
      polls: [{ token: { workspace_id: 'ws-1', expires_in: 30, refresh_token: undefined } }],
    })
    try {
      const shortEnv = cliEnv({ AMIGO_CONFIG_DIR: tempConfigDir(), AMIGO_BASE_URL: identity.url })
      const r = await runCli(['login', '--no-browser'], { env: shortEnv })
      expect(r.code).toBe(0)
      expect(r.stderr).toMatch(
        /^warning: this token expires within 60s and came without a refresh token, so other commands will refuse it as expiring$/m,
      )
      const who = await runCli(['whoami'], { env: shortEnv })
      expect(who.code).toBe(3)
      expect(who.stderr).toMatch(/^error: The access token is expiring and there is no refresh token/m)
      expect(who.stderr).not.toMatch(/HTTP/)
      // Nothing was sent: the refusal is the manager's own.
      expect(identity.refreshes()).toEqual([])
    } finally {
      await identity.close()
    }
  })

  it('a token with a refresh token, or living past the margin, brings no warning', async () => {
    for (const token of [
      { workspace_id: 'ws-1', expires_in: 30 },
      { workspace_id: 'ws-1', expires_in: 3600, refresh_token: undefined },
    ]) {
      const identity = await startIdentityServer({ issuance: { interval: 0 }, polls: [{ token }] })
      try {
        const r = await runCli(['login', '--no-browser'], {
          env: cliEnv({ AMIGO_CONFIG_DIR: tempConfigDir(), AMIGO_BASE_URL: identity.url }),
        })
        expect(r.code).toBe(0)
        expect(r.stderr).not.toMatch(/warning/)
      } finally {
        await identity.close()
      }
    }
  })

  it('the identity service down: exit 1 naming the problem', async () => {
    await mock.close()
    const r = await runCli(['login', '--no-browser'], { env })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error: cannot reach the platform/m)
    expect(r.stderr).toMatch(/hint: /)
  })
})
