import { AmigoClient } from '@amigo-ai/platform-sdk'
import { parseApiRequest } from '../api/parse-request'
import { printBody } from '../api/print-body'
import type { CommandContext } from '../context'
import { readCredentials } from '../credentials/read-credentials'
import { checkCredentials } from '../credentials/resolve-credentials'
import { EXIT } from '../exit-codes'

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
  // Read first, so that the secrets in them are known: a usage error below may quote a value.
  const known = await readCredentials(ctx)
  const request = await parseApiRequest(method, path, opts, ctx.term.stdin, ctx.signal)
  const creds = checkCredentials(ctx, known)
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
    // The JSON text as typed goes out as it is (Content-Type application/json), not re-serialised.
    ...(request.body !== undefined ? { body: request.body, bodySerializer: asWritten } : {}),
    // The bytes as sent: a binary body (audio, a downloaded file) must not be decoded as text.
    parseAs: 'arrayBuffer',
    signal: ctx.signal,
  })
  const { output } = ctx
  output.info(
    output.errColor.dim(
      `HTTP ${result.response.status}${result.requestId ? ` · request id ${result.requestId}` : ''}`,
    ),
  )
  const bytes = result.data instanceof ArrayBuffer ? new Uint8Array(result.data) : new Uint8Array()
  printBody(bytes, result.response.headers.get('content-type') ?? '', output, opts.json === true)
  return EXIT.ok
}

const asWritten = (text: unknown) => text as string
