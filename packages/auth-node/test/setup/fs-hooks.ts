// Every test file of this package sees src/node/fs-promises through the hooks of ../helpers/fs-hooks.
// With no hook set (setFsHook), each call goes straight to node:fs/promises. The mock is installed here,
// before any test file imports src, because the files share one module graph (`isolate: false` in
// vitest.config.ts): a mock installed by one file would miss modules another file loaded first.
import { vi } from 'vitest'

vi.mock('../../src/node/fs-promises', async () => (await import('../helpers/fs-hooks')).mockedModule())
