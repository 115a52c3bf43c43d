import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'

/** One request as the server saw it, recorded before the handler runs. */
export interface RecordedRequest {
  /** HTTP method, upper case. */
  method: string
  /** Raw request target: path plus query string. */
  url: string
  /** Path without the query string, exactly as sent (dot segments such as `/a/../b` are kept). */
  path: string
  /** Parsed query string. */
  query: URLSearchParams
  /** Request headers (lower-case names, as node:http gives them). */
  headers: IncomingHttpHeaders
  /** Request body decoded as UTF-8 text ('' when there was none). */
  body: string
  /** 0-based position of this request among all requests this server received. */
  index: number
}

/** What a handler receives: the recorded request plus the raw node:http request. */
export interface TestRequest extends RecordedRequest {
  /** The underlying node:http request (its body has already been consumed into `body`). */
  raw: IncomingMessage
  /** `JSON.parse(body)`; throws on an empty or invalid body. */
  json(): unknown
}

/** A request handler; it owns `res` and must end it (unless it means to hang on purpose). */
export type Handler = (req: TestRequest, res: ServerResponse) => void | Promise<void>

/** Routes keyed by `"METHOD /path"` or `"/path"` (any method); unmatched requests get a 404. */
export type Routes = Record<string, Handler>
