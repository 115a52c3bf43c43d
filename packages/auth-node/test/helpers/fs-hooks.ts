// node:fs/promises with a hook on every call, for tests that make one file operation fail, wait or
// count. ../setup/fs-hooks.ts installs it for every test file; a test sets the hook with setFsHook
// and clears it after. Calls on a FileHandle are named `handle.<method>`.
import * as realFs from 'node:fs/promises'

type Fs = typeof realFs
/** Sees each call (its name and arguments) and decides what it answers; `call` runs the real one. */
export type FsHook = (name: string, args: unknown[], call: () => Promise<unknown>) => Promise<unknown>

let hook: FsHook | undefined

/** Replaces the hook (undefined: every call goes straight to node:fs/promises). */
export function setFsHook(next: FsHook | undefined): void {
  hook = next
}

const through = (name: string, args: unknown[], call: () => Promise<unknown>) =>
  hook ? hook(name, args, call) : call()

function hookedHandle(handle: realFs.FileHandle): realFs.FileHandle {
  return new Proxy(handle, {
    get(target, key) {
      const value = Reflect.get(target, key, target)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => through(`handle.${String(key)}`, args, () => value.apply(target, args))
    },
  })
}

const hooked = new Proxy(realFs, {
  get(target, key) {
    const value = Reflect.get(target, key)
    if (typeof value !== 'function') return value
    const name = String(key)
    return (...args: unknown[]) =>
      through(name, args, async () => {
        const result = await value.apply(target, args)
        return name === 'open' ? hookedHandle(result) : result
      })
  },
}) as Fs

/** The module shape of src/node/fs-promises with the hooked fs. */
export function mockedModule() {
  return { fsPromises: async () => hooked }
}
