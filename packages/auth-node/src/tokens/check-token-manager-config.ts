import { ConfigurationError, type OptionNames, unknownOptionProblem } from '@amigo-ai/core'
import { checkOptions } from '../options/check-options'
import type { TokenManagerConfig } from './token-manager'
import type { TokenStorage } from './token-storage'

const CONFIG_NAMES: OptionNames<TokenManagerConfig> = {
  storage: true,
  identityBaseUrl: true,
  fetch: true,
  refreshMarginMs: true,
  requestTimeoutMs: true,
  profile: true,
  now: true,
}

/** The config of `new TokenManager(config)`, checked: every option named with what it must be. */
export function checkTokenManagerConfig(config: TokenManagerConfig | undefined): TokenManagerConfig {
  if (config === undefined) return {}
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new ConfigurationError(
      'TokenManager takes an options object ({ storage, identityBaseUrl, fetch, ... }) or nothing',
    )
  }
  const unknown = unknownOptionProblem(config, CONFIG_NAMES)
  if (unknown) throw new ConfigurationError(`TokenManager: ${unknown}`)
  const s = config.storage as Partial<TokenStorage> | undefined
  if (
    s !== undefined &&
    (!s || typeof s.load !== 'function' || typeof s.save !== 'function' || typeof s.clear !== 'function')
  ) {
    throw new ConfigurationError(
      'TokenManager: storage must have load, save and clear methods (e.g. FileTokenStorage)',
    )
  }
  const margin = config.refreshMarginMs
  if (margin !== undefined && (typeof margin !== 'number' || !Number.isFinite(margin) || margin < 0)) {
    throw new ConfigurationError('refreshMarginMs must be a non-negative number of milliseconds')
  }
  checkOptions({
    functions: { fetch: config.fetch, now: config.now },
    strings: { profile: config.profile },
    timeouts: { requestTimeoutMs: config.requestTimeoutMs },
  })
  return config
}
