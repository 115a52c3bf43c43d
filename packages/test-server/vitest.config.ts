import { packageTestConfig } from '../../vitest.shared.js'

// Isolated: a single test file, so there is no module loading to share.
export default packageTestConfig(new URL('./package.json', import.meta.url))
