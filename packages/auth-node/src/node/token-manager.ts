import { BaseTokenManager, type TokenManagerConfig } from '../tokens/token-manager'
import { FileTokenStorage } from './file-token-storage'

/**
 * Keeps a signed-in user's tokens: stores them, hands out a valid access token, and refreshes it
 * shortly before expiry. Without a `storage`, credentials go to `new FileTokenStorage()` (the
 * per-user config directory), as in the official SDK.
 */
export class TokenManager extends BaseTokenManager {
  constructor(config?: TokenManagerConfig) {
    super(config, () => new FileTokenStorage())
  }
}
