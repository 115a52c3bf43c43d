// Without the `realtime` option, @amigo-ai/realtime is loaded by name at run time. Where that fails (a
// bundled app whose bundler never saw the package), the error says how to pass it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// Each test imports the package afresh, so a copy another test file loaded (with @amigo-ai/realtime
// already loaded by name and kept) never answers for the mock below.
beforeEach(() => {
  vi.resetModules()
})
afterEach(() => {
  vi.doUnmock('../src/realtime/import-by-name')
  vi.resetModules()
})

describe('loading @amigo-ai/realtime by name', () => {
  it('a failed load is a ConfigurationError saying how to pass the module, and is retried next time', async () => {
    let attempts = 0
    vi.doMock('../src/realtime/import-by-name', () => ({
      importByName: (name: string) => {
        attempts++
        return Promise.reject(new Error(`Cannot find module '${name}'`))
      },
      requireByName: () => undefined,
    }))
    const { AmigoClient, isConfigurationError } = await import('../src')
    const client = new AmigoClient({ apiKey: 'k', workspaceId: 'ws', baseUrl: 'http://127.0.0.1:9' })
    const errors: unknown[] = []
    await client.events.subscribeToWorkspace({ onEvent: () => {}, onError: (e) => errors.push(e) }).done
    expect(isConfigurationError(errors[0])).toBe(true)
    expect(String(errors[0])).toContain("realtime: () => import('@amigo-ai/realtime')")
    expect(String((errors[0] as Error).cause)).toContain("Cannot find module '@amigo-ai/realtime'")
    const observed: Array<{ reason?: string; message: string }> = []
    await client.observers.subscribe({
      callSid: `CA${'0'.repeat(32)}`,
      onEvent: () => {},
      onError: (e) => observed.push(e),
    }).done
    expect(observed[0]!.reason).toBe('open_failed')
    expect(observed[0]!.message).toContain('could not be loaded by name')
    expect(attempts).toBe(2)
  })

  it('the browser and worker build never loads by name, and says to pass the realtime option', async () => {
    vi.doMock('../src/realtime/import-by-name', () => import('../src/realtime/import-by-name.browser'))
    const { loadRealtime } = await import('../src/realtime/load-realtime')
    const connection = { baseUrl: 'http://x.test', workspaceId: 'ws', apiKey: 'k' }
    const error = await loadRealtime(connection).catch((e: Error) => e)
    expect(String(error)).toContain("realtime: () => import('@amigo-ai/realtime')")
    expect(String((error as Error).cause)).toContain('a bundled app cannot load @amigo-ai/realtime by name')
  })

  it('loads it once and shares it between calls', async () => {
    const { loadRealtime } = await import('../src/realtime/load-realtime')
    const connection = { baseUrl: 'http://x.test', workspaceId: 'ws', apiKey: 'k' }
    const [a, b] = await Promise.all([loadRealtime(connection), loadRealtime(connection)])
    expect(a).toBe(b)
    expect(typeof a.subscribeToWorkspaceEvents).toBe('function')
  })
})
