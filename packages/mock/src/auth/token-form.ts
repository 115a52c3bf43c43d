/** An OAuth-style answer of the token endpoint. */
export interface TokenReply {
  status: number
  body: Record<string, unknown>
  headers?: Record<string, string>
}

/** An OAuth error answer (`{ error, error_description }`). */
export const oauthError = (status: number, error: string, description: string): TokenReply => ({
  status,
  body: { error, error_description: description },
})

/** The form fields of a `POST /token` request. */
export class TokenForm {
  constructor(private readonly fields: Record<string, unknown>) {}

  /** A field as a non-empty string, else undefined. */
  str(name: string): string | undefined {
    const v = this.fields[name]
    return typeof v === 'string' && v.length ? v : undefined
  }

  /** A field as sent (numbers may arrive as strings or numbers). */
  raw(name: string): unknown {
    return this.fields[name]
  }

  /** The space-separated `scope` field as a list, when it names any. */
  scopes(): string[] | undefined {
    return this.str('scope')?.split(/\s+/).filter(Boolean)
  }

  /** An `invalid_request` answer naming the missing fields, or undefined when every one is there. */
  missing(...names: string[]): TokenReply | undefined {
    const absent = names.filter((k) => this.str(k) === undefined)
    return absent.length
      ? oauthError(400, 'invalid_request', `missing form field: ${absent.join(', ')}`)
      : undefined
  }
}
