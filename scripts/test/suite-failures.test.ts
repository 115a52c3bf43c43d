// The node-suite check's failure detail: what it quotes from a failed `pnpm -r test` run. The
// outputs below have the shape vitest 4 prints with NO_COLOR (stack frames shortened).
import { describe, expect, it } from 'vitest'
import { suiteFailureReasons } from '../runtimes/suite-failures.mjs'

const root = '/repo'
const passingPackage = [
  'RUN  v4.1.12 /repo/packages/webhooks',
  '',
  ' ✓ test/verify.test.ts (35 tests) 130ms',
  '',
  ' Test Files  11 passed (11)',
  '      Tests  122 passed (122)',
]

const unhandledOutput = [
  ...passingPackage,
  ' RUN  v4.1.12 /repo/packages/realtime',
  ' ✓ test/socket.test.ts (12 tests) 29ms',
  '⎯⎯⎯⎯⎯⎯ Unhandled Errors ⎯⎯⎯⎯⎯⎯',
  '',
  'Vitest caught 2 unhandled errors during the test run.',
  '⎯⎯⎯⎯ Unhandled Rejection ⎯⎯⎯⎯⎯',
  'Error: rejected late',
  ' ❯ test/socket.test.ts:4:18',
  '',
  `This error originated in "test/socket.test.ts" test file. It doesn't mean the error was thrown inside the file itself, but while it was running.`,
  '⎯⎯⎯⎯⎯ Uncaught Exception ⎯⎯⎯⎯⎯',
  'TypeError: boom from a timer',
  ' ❯ Timeout._onTimeout test/socket.test.ts:3:28',
  '⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯',
  ' Test Files  1 passed (1)',
  '      Tests  12 passed (12)',
  '     Errors  2 errors',
  ' ×  "pnpm recursive run" failed in 1 packages',
].join('\n')

describe('suiteFailureReasons', () => {
  it('names the package and quotes the unhandled errors of a run whose tests all passed', () => {
    expect(suiteFailureReasons(unhandledOutput, root)).toEqual([
      'packages/realtime: unhandled: Error: rejected late',
      'packages/realtime: unhandled: This error originated in "test/socket.test.ts" test file.',
      'packages/realtime: unhandled: TypeError: boom from a timer',
      'packages/realtime: Errors 2 errors',
      '×  "pnpm recursive run" failed in 1 packages',
    ])
  })

  it('quotes failing tests and files with their first error line, and the summary, under their package', () => {
    const output = [
      ...passingPackage,
      ' RUN  v4.1.12 /repo/packages/core',
      ' FAIL  test/retry.test.ts > retries a 503',
      'AssertionError: expected 2 to be 3 // Object.is equality',
      ' ❯ test/retry.test.ts:40:22',
      'Error: a later frame that is not the failure',
      ' FAIL  test/close.test.ts [ test/close.test.ts ]',
      'Error: Hook timed out in 10000ms.',
      ' Test Files  1 failed | 20 passed (21)',
      '      Tests  1 failed | 400 passed (401)',
    ].join('\n')
    expect(suiteFailureReasons(output, root)).toEqual([
      'packages/core: FAIL  test/retry.test.ts > retries a 503',
      'packages/core: AssertionError: expected 2 to be 3 // Object.is equality',
      'packages/core: FAIL  test/close.test.ts [ test/close.test.ts ]',
      'packages/core: Error: Hook timed out in 10000ms.',
      'packages/core: Test Files 1 failed | 20 passed (21)',
      'packages/core: Tests 1 failed | 400 passed (401)',
    ])
  })

  it('gives nothing for passing packages, and no error lines outside an unhandled-error block', () => {
    const output = [...passingPackage, 'Error: printed by a passing test on purpose'].join('\n')
    expect(suiteFailureReasons(output, root)).toEqual([])
  })
})
