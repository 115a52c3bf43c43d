import { ConfigurationError } from '@amigo-ai/core'
import type { ClientConnection } from './client-connection'
import { importByName, requireByName } from './import-by-name'

/** The `@amigo-ai/realtime` module. */
export type RealtimeModule = typeof import('@amigo-ai/realtime')

/**
 * The `realtime` client option: the `@amigo-ai/realtime` module itself (`import * as realtime from
 * '@amigo-ai/realtime'`), or a function returning it (`() => import('@amigo-ai/realtime')`, which a
 * code-split build puts in a chunk of its own).
 */
export type RealtimeLoader = RealtimeModule | (() => RealtimeModule | Promise<RealtimeModule>)

const NAME = '@amigo-ai/realtime'
let byName: Promise<RealtimeModule> | undefined
// The module once loaded by name, so later calls get it at once.
let loadedByName: RealtimeModule | undefined

const notLoaded = (cause: unknown) =>
  new ConfigurationError(
    `${NAME} could not be loaded by name (a bundled app?): pass it, new AmigoClient({ ..., realtime: () => import('@amigo-ai/realtime') })`,
    { cause },
  )

const checked = (mod: RealtimeModule): RealtimeModule => {
  if (typeof mod?.subscribeToWorkspaceEvents !== 'function')
    throw new ConfigurationError(`the realtime option must be (or return) the ${NAME} module`)
  return mod
}

/**
 * `@amigo-ai/realtime` when it can be had synchronously: the module given as the client's `realtime`
 * option, the module loaded by name earlier, or loaded by name now where that is synchronous
 * (Node.js); otherwise undefined, and the caller uses {@link loadRealtime}.
 */
export function realtimeNow(connection: ClientConnection): RealtimeModule | undefined {
  const { realtime } = connection
  if (realtime !== undefined) return typeof realtime === 'function' ? undefined : checked(realtime)
  if (loadedByName === undefined) {
    try {
      loadedByName = requireByName(NAME) as RealtimeModule | undefined
    } catch {
      // Not installed, or not loadable synchronously here: loadRealtime reports why.
    }
  }
  return loadedByName
}

/** `@amigo-ai/realtime`, from the client's `realtime` option when given, else loaded by name once. */
export function loadRealtime(connection: ClientConnection): Promise<RealtimeModule> {
  const { realtime } = connection
  if (realtime !== undefined) {
    return new Promise<RealtimeModule>((resolve) =>
      resolve(typeof realtime === 'function' ? realtime() : realtime),
    ).then(checked)
  }
  if (loadedByName) return Promise.resolve(loadedByName)
  byName ??= (importByName(NAME) as Promise<RealtimeModule>).then(
    (mod) => {
      loadedByName = mod
      return mod
    },
    (error: unknown) => {
      byName = undefined
      throw notLoaded(error)
    },
  )
  return byName
}
