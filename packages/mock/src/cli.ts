import { runCli } from './cli-main'

runCli(process.argv.slice(2), (line) => console.log(line))
  .then((mock) => {
    if (!mock) return
    const stop = () => {
      mock.close().then(() => process.exit(0))
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  .catch((e) => {
    console.error(`platform-mock: ${(e as Error).message}`)
    process.exit(1)
  })
