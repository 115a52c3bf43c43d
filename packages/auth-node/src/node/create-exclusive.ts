import { fsPromises } from './fs-promises'

/**
 * Creates `path` (O_EXCL, mode 0600) holding `content`; false when it exists already. When the
 * content cannot be written (a full disk), the file is removed before the error is thrown: an
 * empty lock or claim names no owner, so every other process would take it for a live one until
 * it is older than the stale limit, longer than they wait.
 */
export async function createExclusive(path: string, content: string): Promise<boolean> {
  const { open, unlink } = await fsPromises()
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(path, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    await handle.writeFile(content)
    await handle.close()
  } catch (error) {
    await handle.close().catch(() => {})
    // Nobody else removes it meanwhile: with no owner, or a live one, and a fresh time it is not stale.
    await unlink(path).catch(() => {})
    throw error
  }
  return true
}
