import { type AmigoErrorInit, ParseError } from '@amigo-ai/core'

/** Thrown by `readServerSentEvents` when one frame grows past the size cap without ending. */
export class SseFrameTooLargeError extends ParseError {
  static override readonly kind: string = 'SseFrameTooLargeError'
  /** The cap that was exceeded (decoded characters). */
  declare readonly limit: number

  constructor(message: string, init: AmigoErrorInit & { limit: number }) {
    super(message, init)
    this.limit = init.limit
  }
}
