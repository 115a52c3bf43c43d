import { run } from './main'

// exitCode instead of exit(): stdout is flushed before the process ends, even into a pipe.
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
