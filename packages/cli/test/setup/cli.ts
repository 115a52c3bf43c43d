// Run before each test file. The files of a worker share one module graph (`isolate: false` in
// vitest.config.ts), so the helpers' hooks are registered here, for every file, not when a helper is
// first imported.
import { afterAll, afterEach } from 'vitest'
import { removeTempConfigDirs, setProcessEnvTripwires } from '../helpers/cli-env'
import { stopRunning } from '../helpers/run-cli'

setProcessEnvTripwires()
afterEach(stopRunning)
afterAll(removeTempConfigDirs)
