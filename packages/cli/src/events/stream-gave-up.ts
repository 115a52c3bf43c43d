import { isWorkspaceEventStreamError } from '@amigo-ai/platform-sdk'
import { CliError } from '../errors/cli-error'
import { describeError } from '../errors/describe-error'

/**
 * `error` in the CLI's own words when the event stream used up its reconnects: the SDK's message
 * names its option (`maxReconnects`), where the person typed `--max-reconnects`. The stream gives up
 * at the first failure past the allowance, so `maxReconnects + 1` connections failed in a row. Any
 * other error comes back as it is.
 */
export function streamGaveUp(error: unknown, maxReconnects: number): unknown {
  if (!isWorkspaceEventStreamError(error) || error.code !== 'transport_exhausted') return error
  const failed = maxReconnects + 1
  const connections = failed === 1 ? 'connection' : 'connections'
  const last = error.cause === undefined ? '' : `; the last one: ${describeError(error.cause).message}`
  return new CliError(
    `the event stream gave up after ${failed} failed ${connections} in a row (--max-reconnects ${maxReconnects})${last}`,
    { cause: error },
  )
}
