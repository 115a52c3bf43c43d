// `node:fs/promises` is loaded on first use rather than when the package is imported: importing it
// costs a cold start several milliseconds (bench: cold import of the umbrella), and most programs
// that import this package never touch a credentials file.
type FsPromises = typeof import('node:fs/promises')

let loading: Promise<FsPromises> | undefined

/** `node:fs/promises`, imported once on first call. */
export function fsPromises(): Promise<FsPromises> {
  loading ??= import('node:fs/promises')
  return loading
}
