// The login a person sees in a real terminal: the CLI runs in a pseudo-terminal (util-linux
// `script`), so the spinner, the clickable link and the arrow-key workspace picker are the real ones.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, cliEnv, tempConfigDir } from './helpers/cli'
import { startFastMock } from './helpers/mock'

// util-linux `script` (Debian's bsdutils) makes the pseudo-terminal. CI must run this test, so there
// a missing `script` fails it with a message saying what to install; on a machine without it
// (macOS ships a BSD `script` with other flags) the test is skipped.
const hasScript = spawnSync('script', ['--version']).status === 0
const mustRun = Boolean(process.env.CI)
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing terminal escapes from the captured screen
const plain = (s: string) => s.replace(/\u001b\][^\u0007]*\u0007|\u001b\[[0-9;?]*[A-Za-z]/g, '')

describe.skipIf(!hasScript && !mustRun)('amigo login in a terminal', () => {
  it('shows a hyperlink and a spinner, and the arrow keys pick the workspace', async () => {
    if (!hasScript)
      throw new Error(
        'util-linux `script` is not installed (CI=true requires this test): install util-linux (Debian: bsdutils)',
      )
    const mock = await startFastMock()
    const dir = tempConfigDir()
    try {
      const env = { ...cliEnv({ AMIGO_CONFIG_DIR: dir, AMIGO_BASE_URL: mock.url }), TERM: 'xterm-256color' }
      // A pseudo-terminal made without a controlling terminal has no size; give it one.
      const command = `stty cols 120 rows 40; ${process.execPath} ${CLI} login --no-browser`
      const child = spawn('script', ['-qfec', command, '/dev/null'], { env })
      let screen = ''
      const waitFor = (re: RegExp) =>
        new Promise<RegExpMatchArray>((resolve, reject) => {
          const check = () => {
            const m = plain(screen).match(re)
            if (m) {
              child.stdout.off('data', check)
              resolve(m)
            }
          }
          child.stdout.on('data', (c) => {
            screen += c
            check()
          })
          child.once('close', () => reject(new Error(`exited before ${re}: ${plain(screen)}`)))
          check()
        })
      const [, code] = await waitFor(/shows the code ([A-Z]{4}-[A-Z]{4})/)
      expect(screen).toContain(`\u001b]8;;${mock.url}/device?user_code=${code}\u0007`)
      await waitFor(/Waiting for you to approve/)
      mock.approveDeviceCode(code!, { workspaces: [mock.workspaceId, 'ws-second'] })
      await waitFor(/Which workspace\?/)
      child.stdin.write('\u001b[B')
      await waitFor(/ws-second/)
      child.stdin.write('\r')
      const exit = await new Promise<number | null>((resolve) => child.once('close', resolve))
      expect(plain(screen)).toContain('Signed in to workspace ws-second')
      expect(exit).toBe(0)
      expect(JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8')).workspace_id).toBe('ws-second')
    } finally {
      await mock.close()
    }
  })
})
