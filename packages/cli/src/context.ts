import type { Output, Terminal } from './io/output'

/** The global options, as every command receives them. */
export interface GlobalOptions {
  /** Stored-login profile (`--profile`, `AMIGO_PROFILE`); default `default`. */
  profile?: string
  /** API origin (`--base-url`, `AMIGO_BASE_URL`). */
  baseUrl?: string
  /** Where `baseUrl` came from, as its errors name it: `--base-url` or `AMIGO_BASE_URL`. */
  baseUrlName?: string
  /** How the profile was given, for messages: `--profile` or `AMIGO_PROFILE`. */
  profileName?: string
  /** Print more when something fails (still without secrets). */
  debug?: boolean
  /** False after `--no-color`. */
  color?: boolean
}

/** What a command runs with. */
export interface CommandContext {
  options: GlobalOptions
  output: Output
  term: Terminal
  /** Aborted on Ctrl-C (SIGINT) or SIGTERM. */
  signal: AbortSignal
}
