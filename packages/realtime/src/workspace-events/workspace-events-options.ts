import type { WorkspaceEvent } from '../event-types'

/** Details passed to `onReconnect`. */
export interface ReconnectInfo {
  /** How long the client waits before this attempt (milliseconds). */
  delayMs: number
  /** What ended the previous connection. */
  error: unknown
}

/** Details passed to `onOpen`. */
export interface StreamOpenInfo {
  /** 0 for the first connection, then the number of reconnects so far. */
  reconnects: number
  /** The id the server was asked to resume after (undefined on a fresh start). */
  resumedFrom?: string
}

/** Connection options shared by `subscribeToWorkspaceEvents` and `workspaceEvents`. */
export interface WorkspaceEventStreamOptions {
  /** Workspace whose events to stream. */
  workspaceId: string
  /**
   * API origin, starting `http://` or `https://` (default `https://api.platform.amigo.ai`); a relative
   * base such as `/api/platform` works in browsers, and elsewhere with a `fetch` of your own.
   */
  baseUrl?: string
  /** Bearer token (API key or JWT). Give this or `getToken`. */
  token?: string
  /**
   * Returns the token; called before every connect and reconnect, so a refreshed token is picked up.
   * When given, it is used instead of `token`. One that has not answered within 30 s fails that
   * connect (retried like a dropped connection).
   */
  getToken?: () => string | Promise<string>
  /**
   * Resume after this event id on the first connect (later connects use the newest id received).
   * The server decides what follows it: on that connect the stream delivers lower ids too, since it
   * cannot tell a replay from live events when the id came from elsewhere.
   */
  lastEventId?: string
  /**
   * Reconnects allowed after failed connections in a row before giving up with `transport_exhausted`
   * (default 10; `Infinity`: never). A connection that stayed open 10 s or more starts the count over.
   */
  maxReconnects?: number
  /** Backoff base in milliseconds (default 3000); a server `retry:` replaces it (at least 100 ms, at most `maxDelayMs`). */
  initialDelayMs?: number
  /** Cap on any wait before a reconnect, a server `Retry-After` included (default 30000 ms). */
  maxDelayMs?: number
  /** Largest unterminated frame accepted before the connection is dropped (default 1 MiB). */
  maxFrameBytes?: number
  /** Extra request headers (for example a proxy's own auth); `Authorization` comes from the token. */
  headers?: Record<string, string>
  /** A custom `fetch` (proxies, cookies, tests). */
  fetch?: typeof fetch
  /** Stops the stream when aborted. */
  signal?: AbortSignal
  /** Called each time the stream is open (the server answered 200): events caused after this are not missed. */
  onOpen?: (info: StreamOpenInfo) => void
  /** Called before each reconnect with the 1-based attempt number (counted among failures in a row). */
  onReconnect?: (attempt: number, info: ReconnectInfo) => void
  /** Source of randomness for the backoff jitter (tests pin it); default `Math.random`. */
  random?: () => number
}

/** Metadata delivered alongside each event. */
export interface WorkspaceEventMeta {
  /**
   * The SSE id of the event; persist it and pass it back as `lastEventId` to resume later. Absent
   * when the event came without one, or with one no HTTP header can carry (a control character, a
   * character past Latin-1), which the stream cannot resume from either.
   */
  id?: string
}

/** One delivered event with its metadata. */
export interface DeliveredWorkspaceEvent {
  event: WorkspaceEvent
  id?: string
}
