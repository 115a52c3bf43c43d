import { AmigoClient } from '@amigo-ai/platform-sdk'
import { parseApiRequest } from '../api/parse-request'
import type { CommandContext } from '../context'
import { resolveCredentials } from '../credentials/resolve-credentials'
import { EXIT } from '../exit-codes'
import { prettyJson } from '../io/pretty-json'

interface ApiOptions {
  query: string[]
  data?: string
  json?: boolean
  timeout: string
}

/** `amigo api <method> <path>`: one call through the SDK's typed transport, the body on stdout. */
export default async function api(
  ctx: CommandContext,
  method: string,
  path: string,
  opts: ApiOptions,
): Promise<number> {
  const request = await parseApiRequest(method, path, opts, ctx.term.stdin, ctx.signal)
  const creds = await resolveCredentials(ctx)
  const client = new AmigoClient({
    apiKey: creds.apiKey,
    workspaceId: creds.workspaceId,
    baseUrl: creds.baseUrl,
    timeout: request.timeoutMs,
  })
  const call = client[request.method.toUpperCase() as 'GET'] as unknown as (
    path: string,
    init: object,
  ) => Promise<{ data: unknown; response: Response; requestId?: string }>
  const result = await call(request.path, {
    params: { query: request.query },
    ...(request.body !== undefined ? { body: request.body } : {}),
    parseAs: 'text',
    signal: ctx.signal,
  })
  const { output } = ctx
  output.info(
    output.errColor.dim(
      `HTTP ${result.response.status}${result.requestId ? ` · request id ${result.requestId}` : ''}`,
    ),
  )
  const text = typeof result.data === 'string' ? result.data : ''
  if (text) output.print(opts.json ? text : formatBody(text, result.response, output.color))
  return EXIT.ok
}

function formatBody(text: string, response: Response, color: CommandContext['output']['color']): string {
  if (!/json/i.test(response.headers.get('content-type') ?? '')) return text
  try {
    return prettyJson(JSON.parse(text), color)
  } catch {
    return text
  }
}
