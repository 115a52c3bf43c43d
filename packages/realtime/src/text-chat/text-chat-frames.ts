// Frames of the text-stream socket. The platform does not publish this protocol; the shapes below
// are ASSUMPTIONS: the client frame is the one the product README shows, and the server frames
// mirror the turn-stream events (`token`, `message`, `done`, `error`, ...) with the name carried in
// `type`. Unknown frames are still passed to `onEvent`.

/** Client → server: one user message. */
export interface TextChatUserFrame {
  /** Always `message`. */
  type: 'message'
  /** What the user wrote. */
  text: string
}

/** Server → client: a piece of the agent's reply as it is generated. */
export interface TextChatTokenFrame {
  /** Always `token`. */
  type: 'token'
  /** The next piece of the reply, to append to what came before. */
  text: string
}

/** Server → client: a complete message (the agent's final reply for the turn). */
export interface TextChatMessageFrame {
  /** Always `message`. */
  type: 'message'
  /** Who wrote it. */
  role?: string
  /** The whole message. */
  text: string
  /** The conversation the turn belongs to. */
  conversation_id?: string
}

/** Server → client: the turn is over. */
export interface TextChatDoneFrame {
  /** Always `done`. */
  type: 'done'
  /** The conversation the turn belongs to. */
  conversation_id?: string
  /** The conversation's status after the turn. */
  status?: string
  /** Turns in the conversation so far. */
  turn_count?: number
}

/** Server → client: the turn failed. */
export interface TextChatErrorFrame {
  /** Always `error`. */
  type: 'error'
  /** The server's explanation, for people. */
  message?: string
  /** The server's machine-readable reason. */
  code?: string
  /** True when sending the message again may succeed. */
  retryable?: boolean
}

/** Any other server frame (`thinking`, `tool_call_started`, `tool_call_completed`, future types). */
export interface TextChatOtherFrame {
  /** The frame's name. */
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
