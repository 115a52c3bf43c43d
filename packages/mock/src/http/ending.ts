/**
 * How a request ends, decided by one stage of the pipeline: a JSON answer still to send, a response
 * the stage wrote itself (faults, CORS preflight, streams), or no response at all (a dropped
 * connection). The pipeline records the status and sends the answer in one place.
 */
export class Ending {
  private constructor(
    /** The status the request is recorded with (undefined when nothing was answered). */
    readonly status: number | undefined,
    /** A JSON answer to send with the mock's standard headers. */
    readonly answer?: { body: unknown; headers: Record<string, string> },
  ) {}

  /** Answer `status` with a JSON `body` (and extra headers). */
  static answer(status: number, body: unknown, headers: Record<string, string> = {}): Ending {
    return new Ending(status, { body, headers })
  }

  /** The stage already wrote a response with this status. */
  static written(status: number): Ending {
    return new Ending(status)
  }

  /** The connection is dropped or held: no response. */
  static readonly dropped = new Ending(undefined)
}
