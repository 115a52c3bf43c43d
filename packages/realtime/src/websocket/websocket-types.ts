// The slice of the WebSocket API this package uses: the DOM `WebSocket`, Node 22's global one, the
// `ws` package's class and a test double with `addEventListener` all satisfy it. Listener event
// parameters are loose on purpose so that each implementation's own event types are accepted.

/** A WebSocket instance as used here. */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed (the standard values). */
  readonly readyState: number
  /** The subprotocol the server chose ('' or absent when none). */
  readonly protocol?: string
  /** The SDK sets it to `arraybuffer`, so binary frames arrive as ArrayBuffers. */
  binaryType?: string
  /** Sends one frame. */
  send(data: string | ArrayBufferLike | ArrayBufferView | Blob): void
  /** Starts the closing handshake. */
  close(code?: number, reason?: string): void
  /** Listens for `open`, `message` (`event.data`), `close` (`event.code`, `event.reason`) and `error`. */
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: any) => void): void
  /** Removes a listener added with `addEventListener`. */
  removeEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: any) => void): void
}

/** A WebSocket class: the DOM `WebSocket`, or `ws`'s `WebSocket` in Node. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike

/**
 * Creates the socket for one connection attempt (the single-package SDK's option, handy for test
 * doubles and for runtimes whose WebSocket needs extra arguments). Returning a DOM `WebSocket` fits.
 */
export type WebSocketFactory = (url: string, protocols?: string | string[]) => WebSocketLike

/** The `readyState` value of an open socket. */
export const WEBSOCKET_OPEN = 1
