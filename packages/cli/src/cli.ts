import { VERSION } from './version'

const argv = process.argv.slice(2)
// A reader that stopped reading (`amigo events tail | head -n 5`) is the end of the output, not a
// failure: leave quietly instead of crashing on the write's EPIPE. Any other failure to write the
// output (a full disk, an I/O error) is one line and exit 1, as every failure is, not a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  process.stderr.write(`error: cannot write the output: ${writeFailure(error)}\n`)
  process.exit(1)
})
// A stderr that cannot be written to only loses the messages: the command still ends with its own
// exit code, and there is nowhere left to say what went wrong.
process.stderr.on('error', () => {})
// The most common probe answers before anything else is loaded.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) process.stdout.write(`${VERSION}\n`)
else
  import('./main').then(({ run }) =>
    run(argv).then((code) => {
      // exitCode rather than exit(): stdout is flushed before the process ends, even into a pipe. A
      // handle left open by a library (a keep-alive socket) must not keep a finished command alive,
      // so the unref'd timer ends the process if the event loop has not emptied by then.
      process.exitCode = code
      setTimeout(() => process.exit(code), 2_000).unref()
    }),
  )

// Node's `ENOSPC: no space left on device, write` as `no space left on device (ENOSPC)`.
function writeFailure({ code, syscall, message }: NodeJS.ErrnoException): string {
  if (code === undefined) return message
  const reason = message.replace(`${code}: `, '').replace(syscall ? `, ${syscall}` : '', '')
  return `${reason} (${code})`
}
