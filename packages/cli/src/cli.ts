import { VERSION } from './version'

const argv = process.argv.slice(2)
// A reader that stopped reading (`amigo events tail | head -n 5`) is the end of the output, not a
// failure: leave quietly instead of crashing on the write's EPIPE. A closed stderr only loses the
// messages, so the command still ends with its own exit code.
function onClosedPipe(stream: NodeJS.WriteStream, then: () => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    then()
  })
}
onClosedPipe(process.stdout, () => process.exit(0))
onClosedPipe(process.stderr, () => {})
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
