import { packageTestConfig } from '../../vitest.shared.js'

// Isolated: each test file's in-process runs start from fresh modules, and test/helpers/cli-env.ts
// sets process.env's values for its own file when imported.
export default packageTestConfig(new URL('./package.json', import.meta.url))
