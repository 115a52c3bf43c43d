// The workspace's projects as pnpm itself lists them (from pnpm-workspace.yaml), so a package added
// to the workspace is packed, checked, released and rehearsed without a list to update anywhere.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The repository root of this checkout. */
export const repoRoot = new URL('../..', import.meta.url).pathname.replace(/\/$/, '')

/**
 * Every workspace project except the root: `{ name, version, dir, private, pkg }` (`dir` absolute),
 * sorted by name. `root` selects another checkout (a throwaway copy).
 */
export function workspacePackages(root = repoRoot) {
  const listed = JSON.parse(
    execFileSync('pnpm', ['-r', 'ls', '--json', '--depth', '-1'], { cwd: root, encoding: 'utf8' }),
  )
  return listed
    .filter((p) => p.path !== root)
    .map((p) => {
      const pkg = JSON.parse(readFileSync(join(p.path, 'package.json'), 'utf8'))
      return { name: pkg.name, version: pkg.version, dir: p.path, private: pkg.private === true, pkg }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** The projects that are published (no `"private": true`). */
export const publicPackages = (root = repoRoot) => workspacePackages(root).filter((p) => !p.private)
