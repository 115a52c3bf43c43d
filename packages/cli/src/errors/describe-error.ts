import {
  type AmigoError,
  InvalidRequestError,
  isAmigoError,
  isAuthenticationError,
  isConfigurationError,
  isNetworkError,
  isParseError,
  isPermissionError,
  isRateLimitError,
  isRequestTimeoutError,
} from '@amigo-ai/core'
import { EXIT, type ExitCode } from '../exit-codes'
import { CliError } from './cli-error'
import { connectionFailure } from './connection-failure'

/** What the user is told about a failure. */
export interface ErrorDescription {
  message: string
  hint?: string
  exitCode: ExitCode
}

const SIGN_IN_HINT = "run 'amigo login', or set AMIGO_API_KEY and AMIGO_WORKSPACE_ID"

/**
 * What an API error says. The SDK does not make a message of a markup body (a proxy's HTML error
 * page): here such an answer is named for what it is.
 */
function errorWords(error: AmigoError): string {
  const { body } = error
  return typeof body === 'string' && body.trimStart().startsWith('<')
    ? 'the answer is an HTML page, not the API (a proxy or gateway in between?)'
    : error.message
}

/** Turns any thrown value into one line, a hint and an exit code. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof CliError) return { message: error.message, hint: error.hint, exitCode: error.exitCode }
  if (!isAmigoError(error)) {
    // Node's fetch says only "terminated" or "fetch failed"; the reason is in its causes.
    const failure = connectionFailure(error)
    if (failure) return { message: failure.words, exitCode: EXIT.failure }
    const message = error instanceof Error ? error.message : String(error)
    return { message, hint: 'run again with --debug for details', exitCode: EXIT.failure }
  }
  const requestId = error.requestId ? ` (request id ${error.requestId})` : ''
  if (error.status !== undefined) {
    // An error made from a response carries its headers. One made without a request (auth-node
    // refusing an expiring token that has no refresh token) has only its class's status: no HTTP
    // status was received, so none is claimed.
    const received = error.headers !== undefined
    const line = `${received ? `HTTP ${error.status}: ` : ''}${errorWords(error)}${requestId}`
    if (isAuthenticationError(error)) return { message: line, hint: SIGN_IN_HINT, exitCode: EXIT.auth }
    if (isPermissionError(error))
      return {
        message: line,
        hint: 'these credentials may not do this (scope or role)',
        exitCode: EXIT.failure,
      }
    if (isRateLimitError(error))
      return { message: line, hint: 'wait a moment and try again', exitCode: EXIT.failure }
    return { message: line, exitCode: EXIT.failure }
  }
  return describeClientError(error)
}

function describeClientError(error: Error & { name: string }): ErrorDescription {
  if (isRequestTimeoutError(error))
    return { message: error.message, hint: 'try again', exitCode: EXIT.failure }
  if (isNetworkError(error)) return describeNetworkError(error)
  if (isParseError(error)) return { message: error.message, exitCode: EXIT.failure }
  if (isConfigurationError(error) || InvalidRequestError.isInstance(error))
    return { message: error.message, exitCode: EXIT.usage }
  // auth-node's sign-in and token errors, recognised by name to keep this module light.
  if (/^(NotSignedIn|TokenRefresh|RefreshToken\w*|DeviceCode\w*)Error$/.test(error.name))
    return { message: error.message, hint: SIGN_IN_HINT, exitCode: EXIT.auth }
  if (error.name === 'TokenStorageError') return describeStorageError(error)
  if (error.name === 'WorkspaceSelectionError')
    return { message: error.message, hint: "pass --workspace <id> to 'amigo login'", exitCode: EXIT.auth }
  return { message: error.message, exitCode: EXIT.failure }
}

// The file system's reason (EACCES, ENOTDIR, EROFS, ...) is what says how to mend it.
function describeStorageError(error: Error): ErrorDescription {
  const code = (error.cause as { code?: unknown } | undefined)?.code
  if (typeof code !== 'string') return { message: error.message, exitCode: EXIT.failure }
  return {
    message: `${error.message} (${code})`,
    hint: 'check the permissions of that path, or set AMIGO_CONFIG_DIR to a folder of your own',
    exitCode: EXIT.failure,
  }
}

// "cannot reach" only when no connection was made: a platform that cut its answer was reached.
function describeNetworkError(error: Error): ErrorDescription {
  const failure = connectionFailure(error.cause)
  if (failure !== undefined && !failure.unreachable) {
    const what = failure.cutOff ? "the platform's answer was cut off" : 'the platform did not answer'
    return { message: `${what}: ${failure.words}`, hint: 'try again', exitCode: EXIT.failure }
  }
  return {
    message: `cannot reach the platform: ${failure?.words ?? withCauseCode(error)}`,
    hint: "is it running at that address? check --base-url / AMIGO_BASE_URL ('amigo mock' starts a local one)",
    exitCode: EXIT.failure,
  }
}

// A network error from a fetch other than Node's: its message, and the code its cause carries.
function withCauseCode(error: Error): string {
  const cause = (error.cause as { cause?: { code?: string }; code?: string } | undefined) ?? {}
  const code = cause.code ?? cause.cause?.code
  return `${error.message}${code && !error.message.includes(code) ? ` (${code})` : ''}`
}
