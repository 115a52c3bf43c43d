import { spinner } from '@clack/prompts'
import type { Output } from '../io/output'

/** A progress indicator on stderr while the login polls. */
export interface Progress {
  start(text: string): void
  update(text: string): void
  /** Removes the indicator (before a prompt or the final line). */
  clear(): void
}

/** A spinner on a terminal; elsewhere (CI, pipes, tests) one plain line, because frames would be noise. */
export function startProgress(output: Output): Progress {
  if (output.term.stderr.isTTY !== true) {
    let said = false
    return {
      start: (text) => {
        if (!said) output.info(`${text}…`)
        said = true
      },
      update: () => {},
      clear: () => {},
    }
  }
  const s = spinner({ output: output.term.stderr as NodeJS.WriteStream, withGuide: false })
  let running = false
  return {
    start: (text) => {
      if (!running) s.start(text)
      running = true
    },
    update: (text) => {
      if (running) s.message(text)
    },
    clear: () => {
      if (running) s.clear()
      running = false
    },
  }
}
