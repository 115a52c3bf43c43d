import { fork } from 'node:child_process'
import { once } from 'node:events'

/** Starts the loopback server in a child process; resolves to `{ origin, wsOrigin, close }`. */
export async function startServer() {
  const child = fork(new URL('./server-process.mjs', import.meta.url), [], { stdio: 'inherit' })
  const [{ port }] = await once(child, 'message')
  return {
    origin: `http://127.0.0.1:${port}`,
    wsOrigin: `ws://127.0.0.1:${port}`,
    async close() {
      const exited = once(child, 'exit')
      child.send('close')
      await exited
    },
  }
}
