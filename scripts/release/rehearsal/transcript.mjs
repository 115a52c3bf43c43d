// The rehearsal's transcript: every step, command and check on its own line, written both to
// stdout and to a file, with the time since the start. Checks are counted for the final
// "N passed, M failed" line that .ci/run adds to its total.
import { appendFileSync, writeFileSync } from 'node:fs'

/** Opens a transcript written to `file` (created empty). */
export function createTranscript(file) {
  const started = Date.now()
  const counts = { passed: 0, failed: 0 }
  writeFileSync(file, '')
  const stamp = () => `[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`
  const write = (line) => {
    console.log(line)
    appendFileSync(file, `${line}\n`)
  }
  const indent = (prefix, text) => {
    for (const line of String(text).trimEnd().split('\n')) write(`${prefix}${line}`)
  }
  return {
    file,
    counts,
    /** A new step: a blank line and its title. */
    step: (title) => write(`\n${stamp()} ━━ ${title}`),
    /** Plain lines under the current step. */
    info: (text) => indent('          ', text),
    /** Output of a command, each line behind a bar. */
    output: (text) => text.trim() && indent('          │ ', text),
    /** A check: counted, and shown with its detail. */
    check(name, ok, detail = '') {
      counts[ok ? 'passed' : 'failed']++
      write(`${stamp()} ${ok ? '✓' : '✗'} ${name}${detail ? `: ${detail}` : ''}`)
      return ok
    },
    /** The closing lines: time taken and the totals. */
    summary() {
      write(`\n${stamp()} ━━ rehearsal finished`)
      write(`${counts.passed} passed, ${counts.failed} failed`)
    },
  }
}
