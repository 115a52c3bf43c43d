import { hostname } from 'node:os'

// A lock or claim file starts with its owner's pid and machine: `<pid> host=<name> ...`.
const HOST_FIELD = /^\d+ host=(\S+)/

/** How this process names itself at the start of the lock and claim files it creates. */
export function ownerTag(): string {
  return `${process.pid} host=${encodeURIComponent(hostname())}`
}

/**
 * False only when a lock or claim file's owner surely crashed: its pid has no process on this
 * machine, so the file can go at once instead of after staleMs. A file from another machine sharing
 * the disk (its pid means nothing here), or with unknown content (another tool's, or one being
 * written) counts as alive. Files without a host (older versions of this package) are taken for
 * this machine's.
 */
export function ownerAlive(content: string): boolean {
  const pid = Number.parseInt(content, 10)
  if (!Number.isInteger(pid) || pid <= 0) return true
  if (pid === process.pid) return true
  const host = HOST_FIELD.exec(content)?.[1]
  if (host !== undefined && host !== encodeURIComponent(hostname())) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}
