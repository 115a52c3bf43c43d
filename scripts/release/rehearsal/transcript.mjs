// The rehearsal's transcript: every step, command and check on its own line, written both to
// stdout and to a file, each stamped with the time since the start. Checks are counted for the
// final "N passed, M failed" line that .ci/run adds to its total. A phase that runs alongside
// another writes into a fork, whose lines are held back until `flush()`, so the transcript still
// reads one phase after another (the stamps show what overlapped).
import { appendFileSync, writeFileSync } from 'node:fs'

function writer(emit, started, counts) {
  const stamp = () => `[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`
  const indent = (prefix, text) => {
    for (const line of String(text).trimEnd().split('\n')) emit(`${prefix}${line}`)
  }
  return {
    counts,
    /** A new step: a blank line and its title. */
    step: (title) => emit(`\n${stamp()} ━━ ${title}`),
    /** Plain lines under the current step. */
    info: (text) => indent('          ', text),
    /** Output of a command, each line behind a bar. */
    output: (text) => text.trim() && indent('          │ ', text),
    /** A check: counted, and shown with its detail. */
    check(name, ok, detail = '') {
      counts[ok ? 'passed' : 'failed']++
      emit(`${stamp()} ${ok ? '✓' : '✗'} ${name}${detail ? `: ${detail}` : ''}`)
      return ok
    },
    /** A transcript for a phase running alongside: its lines wait for `flush()`. */
    fork() {
      const held = []
      return {
        ...writer((line) => held.push(line), started, counts),
        flush: () => held.splice(0).forEach(emit),
      }
    },
    /** The closing lines: time taken and the totals. */
    summary() {
      emit(`\n${stamp()} ━━ rehearsal finished`)
      emit(`${counts.passed} passed, ${counts.failed} failed`)
    },
  }
}

/** Opens a transcript written to `file` (created empty) and to stdout. */
export function createTranscript(file) {
  writeFileSync(file, '')
  const emit = (line) => {
    console.log(line)
    appendFileSync(file, `${line}\n`)
  }
  return { file, ...writer(emit, Date.now(), { passed: 0, failed: 0 }) }
}
