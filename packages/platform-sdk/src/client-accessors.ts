// The resource properties of AmigoClient (and its typed helpers GET, POST, ...): one enumerable
// accessor per registered resource on the prototype, which builds the resource on first access and caches it on the instance. A client (or a
// `withOptions` view) therefore starts with no resource built, whatever the registry holds, and
// `client.agents` is the same object every time. Installed by the first constructor call rather than
// at module level, where the loop would be a side effect keeping every resource in the bundle of an
// app that imports, say, only an error class from this package.
import type { APIResource, ResourceContext } from './resources/base'
import { RESOURCES } from './resources/registry'

/** What the accessors read off a client instance. */
interface ResourceHost {
  readonly _context: ResourceContext
  readonly _resources: Record<string, APIResource>
}

let installed = false

// util.inspect's hook, keyed by its registered symbol (no node: import).
const INSPECT = Symbol.for('nodejs.util.inspect.custom')

/** `console.log(client)`: where it points and which resources it has, never the key. */
function inspectClient(
  this: ResourceHost,
  _depth: number,
  options: unknown,
  inspect?: (value: unknown, options: unknown) => string,
): string {
  const { baseUrl, workspaceId } = this._context.connection
  const summary = { baseUrl, workspaceId, resources: Object.keys(RESOURCES) }
  return `AmigoClient ${inspect ? inspect(summary, options) : JSON.stringify(summary)}`
}

/** The typed low-level helpers of a client, each the getter of its transport's own. */
export const HELPERS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const

/** Puts the resource accessors, the typed helpers and the inspect summary on `proto`, once. */
export function installResourceAccessors(proto: object): void {
  if (installed) return
  installed = true
  for (const [name, Resource] of Object.entries(RESOURCES)) {
    Object.defineProperty(proto, name, {
      enumerable: true, // and, as defineProperty's default, not configurable
      get(this: ResourceHost) {
        this._resources[name] ??= new Resource(this._context)
        return this._resources[name]
      },
    })
  }
  for (const method of HELPERS)
    Object.defineProperty(proto, method, {
      get(this: ResourceHost) {
        return this._context.transport[method]
      },
    })
  Object.defineProperty(proto, INSPECT, { value: inspectClient })
}
