/**
 * The exit codes scripts can rely on (the README lists them). Each failure class has its own code so
 * a script can tell "fix the command line" from "sign in" from "the API said no".
 */
export const EXIT = {
  /** Done. Also what `events tail` and `mock` return when stopped with Ctrl-C: that is how they end. */
  ok: 0,
  /**
   * The API answered with an error, the network failed, the webhook handler refused a delivery,
   * `events tail --idle-timeout` passed without an event, or stdout could not be written (a full disk).
   */
  failure: 1,
  /** The command line is wrong: unknown command or option, missing argument, bad JSON, bad URL. */
  usage: 2,
  /** No usable credentials: not signed in, the sign-in was refused or expired, or the API said 401. */
  auth: 3,
  /** `webhooks verify`: the signature does not match (wrong secret or altered body). */
  badSignature: 4,
  /** `webhooks verify`: authentic, but the timestamp is outside the tolerance (too old or in the future). */
  staleTimestamp: 5,
  /** `webhooks verify`: a signature or timestamp header is missing or malformed, or the body is not JSON. */
  malformedDelivery: 6,
  /** Interrupted (Ctrl-C) while a one-shot command was still working, e.g. waiting for a login. */
  interrupted: 130,
} as const

/** One of the codes above. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]
