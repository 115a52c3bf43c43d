import { spawn } from 'node:child_process'

/**
 * Runs a helper script of this folder in a separate Node process (through tsx) and resolves with its
 * trimmed output; rejects with the output when it exits non-zero. Used for cross-process tests.
 */
export function runTsxScript(name: string, args: string[]): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const script = new URL(`./${name}`, import.meta.url).pathname
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: new URL('../..', import.meta.url).pathname,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stderr.on('data', (d) => {
      out += d
    })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`${name}: ${out}`))))
  })
}
