/** A connection that failed below HTTP, in words a user understands. */
export interface ConnectionFailure {
  /** e.g. `the connection was closed by the server`, `the connection was refused (ECONNREFUSED)`. */
  words: string
  /**
   * No answer came, and nothing says the server was reached (refused, unknown host, unreachable, a
   * reason not known here): the address may be wrong.
   */
  unreachable: boolean
  /** The answer had begun and was cut off (undici's "terminated"). */
  cutOff: boolean
}

// The reasons found in the `cause` chain of Node's fetch errors. Node's own codes (E...) are shown
// too, for searching; undici's (UND_ERR_...) name its internals and are not.
const WORDS: Record<string, string> = {
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed by the server',
  ECONNABORTED: 'the connection was aborted',
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be looked up',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
  UND_ERR_HEADERS_TIMEOUT: 'the server did not answer in time',
  UND_ERR_BODY_TIMEOUT: 'the server sent nothing for too long',
  UND_ERR_SOCKET: 'the connection was closed by the server',
  UND_ERR_CLOSED: 'the connection was closed',
}
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
])

/**
 * What went wrong with the connection behind `error`, or undefined when it is not a connection
 * failure. Node's fetch (undici) says only "fetch failed" (no answer came) or "terminated" (the
 * answer was cut off) and keeps the reason in `cause`: `other side closed`, ECONNRESET, ...
 */
export function connectionFailure(error: unknown): ConnectionFailure | undefined {
  const chain = causeChain(error)
  const top = chain.find((e) => e.name === 'TypeError' && FETCH_MESSAGES.has(e.message))
  const code = chain.map((e) => e.code).find((c) => c !== undefined && Object.hasOwn(WORDS, c))
  if (top === undefined && code === undefined) return undefined
  const cutOff = top?.message === 'terminated'
  const words = code === undefined ? unknownReason(chain, cutOff) : knownReason(code)
  return { words, unreachable: !cutOff && (code === undefined || NOT_CONNECTED.has(code)), cutOff }
}

const FETCH_MESSAGES = new Set(['fetch failed', 'terminated'])

const knownReason = (code: string) => (code.startsWith('E') ? `${WORDS[code]} (${code})` : WORDS[code]!)

// A reason without a known code: the innermost error's own message (say, `bad port`) or its code.
function unknownReason(chain: ChainLink[], cutOff: boolean): string {
  const inner = chain[chain.length - 1]!
  if (inner.code !== undefined) return `the connection failed (${inner.code})`
  if (!FETCH_MESSAGES.has(inner.message)) return `the connection failed: ${inner.message}`
  return cutOff ? 'the connection was cut off' : 'the connection failed'
}

interface ChainLink {
  name: string
  message: string
  code?: string
}

// At most five deep: a cause chain can be a cycle.
function causeChain(error: unknown): ChainLink[] {
  const chain: ChainLink[] = []
  for (let e = error; e instanceof Error && chain.length < 5; e = e.cause) {
    const code = (e as { code?: unknown }).code
    chain.push({ name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) })
  }
  return chain
}
