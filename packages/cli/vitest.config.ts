import { packageTestConfig } from '../../vitest.shared.js'

// Isolated: its CPU goes to the CLI processes the tests start; sharing modules saved only about 10%.
export default packageTestConfig(new URL('./package.json', import.meta.url))
