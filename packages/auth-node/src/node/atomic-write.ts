import type { FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fsPromises } from './fs-promises'

/**
 * Writes `data` to `path` atomically: a temporary file in the same directory, flushed to disk,
 * given `mode` explicitly (the umask cannot widen it), then renamed over the target. Readers see
 * the old file or the new one, never a half-written one.
 */
export async function writeFileAtomic(path: string, data: string, mode: number): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomSuffix()}.tmp`)
  const { chmod, open, rename, unlink } = await fsPromises()
  let handle: FileHandle | undefined
  try {
    handle = await open(tmp, 'wx', mode)
    await handle.writeFile(data, 'utf8')
    await handle.sync()
    await handle.close()
    handle = undefined
    if (process.platform !== 'win32') await chmod(tmp, mode)
    await rename(tmp, path)
  } catch (error) {
    await handle?.close().catch(() => {})
    await unlink(tmp).catch(() => {})
    throw error
  }
}

/**
 * 12 random hex digits for the temporary name. Web Crypto's global rather than `node:crypto`, whose
 * import alone loads about 40 internal modules (a fifth of the umbrella's cold import, see bench/).
 */
function randomSuffix(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(6))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
