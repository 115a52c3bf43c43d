import { packageTestConfig } from '../../vitest.shared.js'

// Forks: the credential-file tests set `process.umask()` and point `HOME` (read by `os.homedir()`)
// at a temporary folder, which a worker thread cannot do. Not isolated: the files of a fork share one
// module graph, so the file-operation hooks are installed once, for all of them, by the setup file.
export default packageTestConfig(new URL('./package.json', import.meta.url), {
  pool: 'forks',
  isolate: false,
  setupFiles: ['test/setup/fs-hooks.ts'],
})
