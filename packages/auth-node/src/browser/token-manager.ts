import { NodeOnlyError } from '../errors/token-errors'
import { BaseTokenManager, type TokenManagerConfig } from '../tokens/token-manager'

/**
 * Keeps a signed-in user's tokens: stores them, hands out a valid access token, and refreshes it
 * shortly before expiry. This build has no file system, so `storage` is required here.
 */
export class TokenManager extends BaseTokenManager {
  constructor(config?: TokenManagerConfig) {
    super(config, () => {
      throw new NodeOnlyError(
        'TokenManager without a storage keeps credentials in a file, which needs Node.js; in a browser or edge runtime pass storage: new MemoryTokenStorage() or your own TokenStorage',
      )
    })
  }
}
