// Runs Verdaccio (the workspace's own dev dependency) on 127.0.0.1 with a port the system picks, and
// prints `LISTENING <url>` once it accepts requests. It exits when its parent closes stdin, so a
// parent that dies never leaves a registry running.
//   node verdaccio-child.mjs <config.yaml>
import { runServer } from 'verdaccio'

const server = await runServer(process.argv[2])
server.listen(0, '127.0.0.1', () => {
  console.log(`LISTENING http://127.0.0.1:${server.address().port}/`)
})
const stop = () => {
  server.closeAllConnections?.()
  server.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 2_000).unref()
}
process.stdin.on('end', stop)
process.stdin.on('error', stop)
process.stdin.resume()
process.on('SIGTERM', stop)
