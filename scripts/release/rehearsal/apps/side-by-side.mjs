// The umbrella next to an older @amigo-ai/realtime that the app pinned: each brings its own copy of
// @amigo-ai/core. Error guards and `instanceof` read a brand (Symbol.for), not the prototype chain,
// so each copy recognises errors made by the other copy.
// Needs AMIGO_BASE_URL, AMIGO_API_KEY and AMIGO_WORKSPACE_ID of a local platform.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as sdk from '@amigo-ai/platform-sdk'
import * as oldRealtime from '@amigo-ai/realtime'
import { assert, report } from './results.mjs'

const { AMIGO_BASE_URL: baseUrl, AMIGO_API_KEY: apiKey, AMIGO_WORKSPACE_ID: workspaceId } = process.env
const requireHere = createRequire(import.meta.url)

/** The copy of @amigo-ai/core that `fromPackage` resolves: its folder, version and ESM module. */
async function coreSeenBy(fromPackage) {
  const from = createRequire(requireHere.resolve(`${fromPackage}/package.json`))
  const dir = dirname(from.resolve('@amigo-ai/core/package.json'))
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const entry = pkg.exports['.'].import.default ?? pkg.exports['.'].import
  return { dir, version: pkg.version, module: await import(pathToFileURL(join(dir, entry)).href) }
}

const umbrellaCore = await coreSeenBy('@amigo-ai/platform-sdk')
const realtimeCore = await coreSeenBy('@amigo-ai/realtime')

await report('two copies of core', () => {
  assert(umbrellaCore.dir !== realtimeCore.dir, `both resolve ${umbrellaCore.dir}`)
  return `platform-sdk uses core ${umbrellaCore.version}, realtime ${oldRealtime.VERSION} uses core ${realtimeCore.version}`
})

await report('old realtime ConfigurationError, umbrella guard', () => {
  let err
  try {
    oldRealtime.subscribeToWorkspaceEvents({ baseUrl, workspaceId, token: apiKey })
  } catch (e) {
    err = e
  }
  assert(sdk.isConfigurationError(err), `isConfigurationError is false for ${err?.name}`)
  // instanceof reads the error's brand, so it holds across copies too.
  assert(err instanceof sdk.ConfigurationError, 'instanceof the umbrella class is false')
  return `isConfigurationError(${err.name} from core ${realtimeCore.version}) and instanceof are true`
})

await report('old realtime AuthenticationError, umbrella guard', async () => {
  const err = await new Promise((resolve) => {
    const sub = oldRealtime.subscribeToWorkspaceEvents({
      baseUrl,
      workspaceId,
      token: 'not-a-valid-key',
      onEvent: () => {},
      onError: resolve,
    })
    sub.done.then(() => resolve(undefined))
  })
  assert(
    sdk.isAuthenticationError(err) && sdk.isAmigoError(err),
    `guards are false for ${err?.name}: ${err?.message}`,
  )
  assert(err instanceof sdk.AuthenticationError, 'instanceof the umbrella class is false')
  return `a refused stream's ${err.name} (${err.status}) from core ${realtimeCore.version} passes the umbrella's isAuthenticationError, isAmigoError and instanceof`
})

await report('umbrella NotFoundError, old core guard', async () => {
  const amigo = new sdk.AmigoClient({ apiKey, workspaceId, baseUrl })
  const err = await amigo.agents.get(randomUUID()).catch((e) => e)
  assert(
    realtimeCore.module.isNotFoundError(err),
    `core ${realtimeCore.version}'s isNotFoundError is false for ${err?.name}`,
  )
  assert(err instanceof realtimeCore.module.NotFoundError, 'instanceof the old class is false')
  return `${err.name} from core ${umbrellaCore.version} passes core ${realtimeCore.version}'s isNotFoundError and instanceof`
})
