// Why a `pnpm -r test` run failed, in a few lines: each failing test, file or hook with its error's
// first line and, for a package whose tests all passed but whose vitest still exited non-zero, the
// unhandled errors vitest reported. That second case prints no FAIL line at all, so without them the
// only clue is pnpm's "failed in 1 packages".
import { relative } from 'node:path'

const RUN = /^RUN\s+v[\d.]+\s+(\S+)/
const FAILED_SUMMARY = /^(Test Files|Tests)\s.*\bfailed\b|^Errors\s+\d+ errors?\b/
const UNHANDLED = /^⎯+\s*(Unhandled (Errors?|Rejection)|Uncaught Exception)\s*⎯+$/
/** Lines of an error worth quoting: its message and, if unhandled, which test file it came from. */
const DETAIL =
  /^(\w*(Error|Exception)\b.*|This error originated in .*|The latest test that might've caused .*)$/
const MAX_DETAIL = 6
export const PNPM_SUMMARY = /failed in \d+ package/

/**
 * One reason per line: `<package>: <what vitest said>`. `root` makes package paths relative; an
 * output with no recognisable vitest failure gives only pnpm's own summary line, if any.
 */
export function suiteFailureReasons(output, root) {
  const why = new Set()
  let pkg = ''
  let quote = 0
  let label = ''
  for (const line of output.split('\n').map((l) => l.trim())) {
    const run = line.match(RUN)
    if (run) {
      pkg = relative(root, run[1]) || '.'
      quote = 0
    } else if (/^FAIL\s|No test files found/.test(line)) {
      why.add(`${pkg}: ${line}`)
      // A failed test, file or hook: its error follows (the assertion's, or a hook's timeout).
      quote = 1
      label = ''
    } else if (UNHANDLED.test(line)) {
      quote = MAX_DETAIL
      label = 'unhandled: '
    } else if (quote > 0 && DETAIL.test(line)) {
      why.add(`${pkg}: ${label}${line.replace(/\. It (doesn't|might) .*$/, '.')}`)
      quote -= 1
    } else if (FAILED_SUMMARY.test(line)) why.add(`${pkg}: ${line.replace(/\s+/g, ' ')}`)
    else if (PNPM_SUMMARY.test(line)) why.add(line)
  }
  return [...why]
}
