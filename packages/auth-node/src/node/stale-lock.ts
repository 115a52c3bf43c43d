import type { BigIntStats } from 'node:fs'
import { createExclusive } from './create-exclusive'
import { fsPromises } from './fs-promises'
import { ownerAlive } from './lock-owner'

/** A lock file as it was judged: inode, modification time and content together tell it from any later lock. */
interface LockSnapshot {
  ino: bigint
  mtimeNs: bigint
  content: string
}

/**
 * Removes the lock file at `lockPath` when its owner is gone (see `ownerAlive`) or it is older than
 * `staleMs`. Every waiting process may judge the same stale lock at once, and a plain "remove it"
 * would let a late one remove the lock an earlier one has taken since. So removing a given stale
 * lock takes a claim: a file named after that lock's identity, created with O_EXCL, which only one
 * process can create; its maker removes the lock only if it is still the one judged. Nothing else
 * removes a lock file but its owner, so the lock cannot change between that check and the removal.
 * `claimContent` identifies the caller (its pid and machine first) in its claim.
 */
export async function takeOverIfStale(
  lockPath: string,
  staleMs: number,
  claimContent: string,
): Promise<void> {
  try {
    const judged = await snapshot(lockPath)
    if (!judged || !isStale(judged, staleMs)) return
    const claimBase = `${lockPath}.${judged.ino}-${judged.mtimeNs}`
    // The claim of a claimant that died (or stalled past staleMs) before finishing is never removed
    // to free it (two processes removing it at once would both go on): the next number is taken.
    for (let n = 0; ; n++) {
      const claim = `${claimBase}.${n}.takeover`
      if (await createExclusive(claim, claimContent)) {
        await removeClaimed(lockPath, judged, claimBase, n)
        return
      }
      if (!(await claimAbandoned(claim, staleMs))) return
    }
  } catch {
    // The lock or a claim changed under us (released, taken over): the caller just tries again.
  }
}

async function removeClaimed(lockPath: string, judged: LockSnapshot, claimBase: string, n: number) {
  const { unlink } = await fsPromises()
  try {
    const current = await snapshot(lockPath)
    if (current && sameLock(current, judged)) await unlink(lockPath)
  } finally {
    // Once the judged lock is gone, claims on it (ours and those of claimants that died) mean nothing.
    for (let i = n; i >= 0; i--) await unlink(`${claimBase}.${i}.takeover`).catch(() => {})
  }
}

/** True when `claim`'s maker is gone or has held it past `staleMs`; false while it works, or once it finished. */
async function claimAbandoned(claim: string, staleMs: number): Promise<boolean> {
  const taken = await snapshot(claim)
  return taken !== undefined && isStale(taken, staleMs)
}

function isStale(file: LockSnapshot, staleMs: number): boolean {
  const ageMs = Date.now() - Number(file.mtimeNs / 1_000_000n)
  return ageMs >= staleMs || !ownerAlive(file.content)
}

const sameLock = (a: LockSnapshot, b: LockSnapshot) =>
  a.ino === b.ino && a.mtimeNs === b.mtimeNs && a.content === b.content

/** The file's identity, or undefined when it does not exist. */
async function snapshot(path: string): Promise<LockSnapshot | undefined> {
  const { readFile, stat } = await fsPromises()
  let stats: BigIntStats | undefined
  let content = ''
  try {
    stats = await stat(path, { bigint: true })
    content = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    // Content that cannot be read (another user's file) counts as unknown; inode and time tell it apart.
    if (stats === undefined) throw error
  }
  return { ino: stats.ino, mtimeNs: stats.mtimeNs, content }
}
