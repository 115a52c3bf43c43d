// The slice of the WebSocket API this package uses. The DOM `WebSocket`, Node 22's global one and
// the `ws` package's class all satisfy it; handler event parameters are loose on purpose so that
// each implementation's own event types are accepted.

/** A WebSocket instance as used here. */
export interface WebSocketLike {
  readonly readyState: number
  readonly protocol: string
  binaryType: string
  send(data: string | ArrayBufferLike | ArrayBufferView | Blob): void
  close(code?: number, reason?: string): void
  onopen: ((event: any) => void) | null
  onmessage: ((event: any) => void) | null
  onclose: ((event: any) => void) | null
  onerror: ((event: any) => void) | null
}

/** A WebSocket class: the DOM `WebSocket`, or `ws`'s `WebSocket` in Node. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike

/** The `readyState` value of an open socket. */
export const WEBSOCKET_OPEN = 1
