import type { Command } from 'commander'
import type { GlobalOptions } from './context'
import { usageError } from './errors/cli-error'

/**
 * The global options of the command that runs. An empty `--profile` is refused: it is usually an
 * unset shell variable (`--profile "$PROFILE"`), and taken as the default profile it would sign
 * that one in or out instead. An empty AMIGO_PROFILE means no profile, as an empty AMIGO_BASE_URL
 * means no base URL.
 */
export function globalOptions(command: Command): GlobalOptions {
  const options = command.optsWithGlobals() as GlobalOptions
  if (options.profile === '') {
    if (command.getOptionValueSourceWithGlobals('profile') === 'env') delete options.profile
    else throw usageError('--profile is empty', 'leave it out for the default profile')
  }
  options.baseUrlName =
    command.getOptionValueSourceWithGlobals('baseUrl') === 'env' ? 'AMIGO_BASE_URL' : '--base-url'
  options.profileName =
    command.getOptionValueSourceWithGlobals('profile') === 'env' ? 'AMIGO_PROFILE' : '--profile'
  return options
}
