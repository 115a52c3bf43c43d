import { packageTestConfig } from '../../vitest.shared'

export default packageTestConfig(new URL('./package.json', import.meta.url), { isolate: false })
