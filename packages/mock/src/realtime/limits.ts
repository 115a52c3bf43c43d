/**
 * Largest frame a client may send the mock's WebSockets. Client frames of the platform's protocols are
 * small JSON messages (a text turn, a few kilobytes); 1 MiB fits any of them with room to spare, while
 * `ws`'s default (100 MiB) let one client make the mock read and hold a frame that large. `ws` closes
 * a socket whose frame is larger with 1009 (message too big).
 */
export const MAX_CLIENT_FRAME_BYTES = 1024 * 1024

/**
 * Unsent bytes one client's stream or socket may hold before the mock cuts it, on every transport
 * (event stream, streamed turns, WebSockets). A client that stops reading would otherwise make the
 * mock keep everything later sent to it; cut, a client reconnects as after any drop.
 */
export const MAX_UNSENT_BYTES = 8 * 1024 * 1024
