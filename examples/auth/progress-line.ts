// A one-line spinner for terminals; on anything else (CI logs, tests) it prints plain lines instead,
// because carriage returns turn a log file into noise.

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

/** A progress line whose text can be updated while it spins. */
export interface ProgressLine {
  update(text: string): void
  /** Stops spinning and leaves `text` as the final line. */
  stop(text: string): void
}

/** Starts a progress line on stdout. */
export function startProgressLine(text: string, stream: NodeJS.WriteStream = process.stdout): ProgressLine {
  let current = text
  if (!stream.isTTY) {
    console.log(`… ${text}`)
    return {
      update: (next) => {
        if (next === current) return
        current = next
        console.log(`… ${next}`)
      },
      stop: (final) => console.log(final),
    }
  }
  let frame = 0
  const draw = () => stream.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${current}`)
  draw()
  const timer = setInterval(draw, 80)
  return {
    update: (next) => {
      current = next
    },
    stop: (final) => {
      clearInterval(timer)
      stream.write(`\r\x1b[2K${final}\n`)
    },
  }
}
