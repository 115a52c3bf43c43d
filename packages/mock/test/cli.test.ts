import { describe, expect, it } from 'vitest'
import { runCli } from '../src/cli-main'

describe('CLI', () => {
  it('starts the mock and prints URL, key and workspace id that work together', async () => {
    const lines: string[] = []
    const mock = await runCli(['--port', '0', '--seed', '3'], (l) => lines.push(l))
    try {
      const env = Object.fromEntries(
        lines.filter((l) => l.includes('=')).map((l) => l.trim().split('=') as [string, string]),
      )
      expect(env.AMIGO_BASE_URL).toBe(mock!.url)
      const res = await fetch(`${env.AMIGO_BASE_URL}/v1/${env.AMIGO_WORKSPACE_ID}/services`, {
        headers: { authorization: `Bearer ${env.AMIGO_API_KEY}` },
      })
      expect(res.status).toBe(200)
    } finally {
      await mock?.close()
    }
  })

  it('prints help and rejects bad numbers by name', async () => {
    const lines: string[] = []
    expect(await runCli(['--help'], (l) => lines.push(l))).toBeUndefined()
    expect(lines[0]).toMatch(/^Usage/)
    await expect(runCli(['--port', 'abc'], () => {})).rejects.toThrow('--port must be a non-negative integer')
  })
})
