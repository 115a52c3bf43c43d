import { packageTestConfig } from '../../vitest.shared.js'

// Forks: the credential-file tests set `process.umask()` and point `HOME` (read by `os.homedir()`)
// at a temporary folder, which a worker thread cannot do.
// Isolated: the lock tests vi.mock src/node/fs-promises, which needs the modules importing it fresh.
export default packageTestConfig(new URL('./package.json', import.meta.url), { pool: 'forks' })
