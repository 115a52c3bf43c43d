import { ConfigurationError } from '@amigo-ai/core'
import type { ClientConnection } from '../resources/base'
import { importByName } from './import-by-name'

/** The `@amigo-ai/realtime` module. */
export type RealtimeModule = typeof import('@amigo-ai/realtime')

/** Returns `@amigo-ai/realtime`, e.g. `() => import('@amigo-ai/realtime')` (the `realtime` client option). */
export type RealtimeLoader = () => RealtimeModule | Promise<RealtimeModule>

const NAME = '@amigo-ai/realtime'
let byName: Promise<RealtimeModule> | undefined

const notLoaded = (cause: unknown) =>
  new ConfigurationError(
    `${NAME} could not be loaded by name here (a bundled app?): pass it to the client, new AmigoClient({ ..., realtime: () => import('@amigo-ai/realtime') })`,
    { cause },
  )

/** `@amigo-ai/realtime`, from the client's `realtime` option when given, else loaded by name once. */
export function loadRealtime(connection: ClientConnection): Promise<RealtimeModule> {
  const { realtime } = connection
  if (realtime !== undefined) {
    return new Promise<RealtimeModule>((resolve) => resolve(realtime())).then((mod) => {
      if (typeof mod?.subscribeToWorkspaceEvents !== 'function')
        throw new ConfigurationError(`the realtime option must return the ${NAME} module`)
      return mod
    })
  }
  byName ??= (importByName(NAME) as Promise<RealtimeModule>).catch((error: unknown) => {
    byName = undefined
    throw notLoaded(error)
  })
  return byName
}
