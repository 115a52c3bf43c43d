import { packageTestConfig } from '../../vitest.shared.js'

export default packageTestConfig(new URL('./package.json', import.meta.url), { isolate: false })
