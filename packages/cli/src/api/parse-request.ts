import { readFile } from 'node:fs/promises'
import { usageError } from '../errors/cli-error'
import { jsonFaultAt } from '../errors/json-fault'
import { readStream } from '../io/read-stream'
import { secondsOption } from '../seconds-option'

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** A request as typed on the command line, checked. */
export interface ApiRequest {
  method: (typeof METHODS)[number]
  path: string
  query: Record<string, string | string[]>
  /**
   * The `-d` JSON text as written: checked to be JSON, then sent unchanged. Parsed and written out
   * again, an id above 2^53, a decimal like 1.10, 1e999 or a repeated key would arrive changed.
   */
  body?: string
  /** How long one attempt may take before it is given up, in milliseconds. */
  timeoutMs: number
}

/** Checks `amigo api` arguments; every mistake is a usage error naming what is wrong. */
export async function parseApiRequest(
  method: string,
  path: string,
  opts: { query: string[]; data?: string; timeout: string },
  stdin: NodeJS.ReadableStream,
  signal: AbortSignal,
): Promise<ApiRequest> {
  const m = method.toLowerCase() as ApiRequest['method']
  if (!METHODS.includes(m)) throw usageError(`unknown method "${method}"`, `use one of ${METHODS.join(', ')}`)
  if (!path.startsWith('/'))
    throw usageError(`the path must start with "/", got "${path}"`, 'e.g. /v1/{workspace_id}/agents')
  // A fragment is never sent, and the transport appends the query after it, where it would be lost.
  if (path.includes('#'))
    throw usageError('the path must not contain "#"', 'pass query parameters with -q key=value')
  const at = path.indexOf('?')
  const request: ApiRequest = {
    method: m,
    path: at < 0 ? path : path.slice(0, at),
    query: parseQuery(at < 0 ? [] : queryPairs(path.slice(at + 1)), opts.query),
    timeoutMs: secondsOption('--timeout', opts.timeout, '120'),
  }
  if (opts.data !== undefined) {
    if (m === 'get') throw usageError('--data needs post, put, patch or delete, not get')
    request.body = checkedJson(await readData(opts.data, stdin, signal), opts.data)
  }
  return request
}

/**
 * A query written into the path (`/v1/{workspace_id}/agents?limit=5`), decoded: the transport
 * appends its own query after the path, which would have run the two together.
 */
const queryPairs = (search: string): Array<[string, string]> => [...new URLSearchParams(search)]

/** The path's parameters, then the -q ones; a repeated key becomes a list. */
function parseQuery(fromPath: Array<[string, string]>, options: string[]): Record<string, string | string[]> {
  const pairs = [...fromPath, ...options.map(optionPair)]
  // No prototype: a parameter named __proto__, constructor or toString is a key like any other,
  // not a property every object already has.
  const query: Record<string, string | string[]> = Object.create(null)
  for (const [key, value] of pairs) {
    const prev = query[key]
    query[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value]
  }
  return query
}

function optionPair(pair: string): [string, string] {
  const at = pair.indexOf('=')
  if (at <= 0) throw usageError(`--query "${pair}" is not key=value`)
  return [pair.slice(0, at), pair.slice(at + 1)]
}

async function readData(data: string, stdin: NodeJS.ReadableStream, signal: AbortSignal): Promise<string> {
  if (!data.startsWith('@')) return data
  if (data === '@-') return readStream(stdin, signal)
  try {
    return await readFile(data.slice(1), 'utf8')
  } catch (error) {
    throw usageError(
      `cannot read --data file ${data.slice(1)}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    )
  }
}

/** `text` when it is JSON; else a usage error saying where it broke, never quoting it (see jsonFaultAt). */
function checkedJson(text: string, source: string): string {
  try {
    JSON.parse(text)
    return text
  } catch (error) {
    const from = source.startsWith('@') ? `from ${source === '@-' ? 'stdin' : source.slice(1)}` : undefined
    const where = [from, jsonFaultAt(error)].filter(Boolean).join(', ')
    throw usageError(
      `--data is not valid JSON${where && ` (${where})`}`,
      `e.g. -d '{"name":"Front desk"}': keys and strings in double quotes`,
    )
  }
}
