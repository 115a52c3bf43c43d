// Frames of the text-stream socket. The platform does not publish this protocol; the shapes below
// are ASSUMPTIONS: the client frame is the one the product README shows, and the server frames
// mirror the turn-stream events (`token`, `message`, `done`, `error`, ...) with the name carried in
// `type`. Unknown frames are still passed to `onEvent`.

/** Client → server: one user message. */
export interface TextChatUserFrame {
  type: 'message'
  text: string
}

/** Server → client: a piece of the agent's reply as it is generated. */
export interface TextChatTokenFrame {
  type: 'token'
  text: string
}

/** Server → client: a complete message (the agent's final reply for the turn). */
export interface TextChatMessageFrame {
  type: 'message'
  role?: string
  text: string
  conversation_id?: string
}

/** Server → client: the turn is over. */
export interface TextChatDoneFrame {
  type: 'done'
  conversation_id?: string
  status?: string
  turn_count?: number
}

/** Server → client: the turn failed. */
export interface TextChatErrorFrame {
  type: 'error'
  message?: string
  code?: string
  retryable?: boolean
}

/** Any other server frame (`thinking`, `tool_call_started`, `tool_call_completed`, future types). */
export interface TextChatOtherFrame {
  type: string
  [field: string]: unknown
}

/** A decoded server frame. */
export type TextChatServerFrame =
  | TextChatTokenFrame
  | TextChatMessageFrame
  | TextChatDoneFrame
  | TextChatErrorFrame
  | TextChatOtherFrame
