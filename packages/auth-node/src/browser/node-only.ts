// Stand-ins used by the browser/edge build: same names as the Node-only exports, so imports
// resolve, but calling them explains that they need Node.js. They import no `node:` module.
import { NodeOnlyError } from '../errors/token-errors'
import type { FileTokenStorageOptions } from '../node/storage-location'
import type { StoredCredentials } from '../tokens/stored-credentials'
import type { TokenStorage, WaitOptions } from '../tokens/token-storage'

const message = (what: string) =>
  `${what} needs Node.js (file system / process access); this is the browser build of @amigo-ai/auth-node. Use MemoryTokenStorage or your own TokenStorage here.`

/** Browser build: `FileTokenStorage` needs Node.js; constructing one throws `NodeOnlyError`. */
export class FileTokenStorage implements TokenStorage {
  /** Never set: the constructor throws. */
  readonly directory: string = ''

  constructor(_pathOrOptions?: string | FileTokenStorageOptions) {
    throw new NodeOnlyError(message('FileTokenStorage'))
  }

  /** Unreachable in the browser build. */
  filePath(_profile?: string): string {
    throw new NodeOnlyError(message('FileTokenStorage'))
  }

  /** Unreachable in the browser build. */
  load(_profile?: string): Promise<StoredCredentials | null> {
    return Promise.reject(new NodeOnlyError(message('FileTokenStorage')))
  }

  /** Unreachable in the browser build. */
  save(_credentials: StoredCredentials, _profile?: string, _options?: WaitOptions): Promise<void> {
    return Promise.reject(new NodeOnlyError(message('FileTokenStorage')))
  }

  /** Unreachable in the browser build. */
  clear(_profile?: string, _options?: WaitOptions): Promise<void> {
    return Promise.reject(new NodeOnlyError(message('FileTokenStorage')))
  }
}

/** Browser build: `openBrowser` needs Node.js; calling it rejects with `NodeOnlyError`. */
export async function openBrowser(_url: string, _options?: unknown): Promise<boolean> {
  throw new NodeOnlyError(message('openBrowser'))
}

/** Browser build: there is no per-user config directory; calling this throws `NodeOnlyError`. */
export function defaultConfigDirectory(): string {
  throw new NodeOnlyError(message('defaultConfigDirectory'))
}
