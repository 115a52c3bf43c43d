// Request control: scoped options, per-call timeout and retries, response metadata, hooks,
// the typed low-level helpers, and telling errors apart with the guards.
import {
  AmigoClient,
  AmigoError,
  isAuthenticationError,
  isNotFoundError,
  isRateLimitError,
  isRequestTimeoutError,
  isValidationError,
} from '@amigo-ai/platform-sdk'
import { type ExampleEnv, runExample } from '../_shared/connect'

export async function main(env: ExampleEnv) {
  const seen: string[] = []
  const client = new AmigoClient({
    ...env,
    // Three attempts in all; a short base delay keeps the backoff (full jitter) quick for a demo.
    retry: { maxAttempts: 3, baseDelayMs: 50 },
    // Hooks see every attempt (retries included) with the Authorization header already redacted,
    // so logging them never leaks the key.
    hooks: {
      onRequest: ({ request, schemaPath, attempt }) => {
        seen.push(`${request.method} ${schemaPath}#${attempt}`)
      },
      onResponse: ({ response, requestId, durationMs }) => {
        console.log(`  ← ${response.status} ${requestId ?? ''} ${Math.round(durationMs)}ms`)
      },
    },
  })
  await scopedOptionsAndMetadata(client)
  const { notFound, invalid } = await typedErrors(client, env)
  const timeout = env.mock ? await injectedFaults(client) : 'skipped (needs the mock)'
  console.log(`requests seen by the hook: ${seen.length}`)
  return { notFound, invalid, timeout, hookRequests: seen.length }
}

/** `withOptions` on the client and on one resource, response metadata, and the typed `client.GET`. */
async function scopedOptionsAndMetadata(client: AmigoClient) {
  // withOptions returns a new client; the original keeps its defaults.
  const agents = await client
    .withOptions({ timeout: 5_000, maxRetries: 1, headers: { 'X-Debug-Trace': 'true' } })
    .agents.list({ limit: 3 })
  // Metadata is non-enumerable: it is there when asked for, but never in JSON.stringify(agents).
  console.log(`agents.list → request ${agents._request_id}, status ${agents.lastResponse.statusCode}`)

  // Options can also be scoped to one resource; other resources of the client are unaffected.
  const firstId = agents.items[0]?.id
  if (firstId) {
    const agent = await client.agents.withOptions({ timeout: 2_000 }).get(firstId)
    console.log(`agents.get → "${agent.name}", request ${agent.lastResponse.requestId}`)
  }

  // The low-level helpers take any spec path; workspace_id is filled in from the client.
  const { data, requestId, rateLimit, response } = await client.GET('/v1/{workspace_id}/agents', {
    params: { query: { limit: 3 } },
    timeout: 2_000,
  })
  console.log(`GET agents → ${data.items.length} items, ${response.headers.get('content-type')}`)
  console.log(`  request id ${requestId}, rate limit remaining ${rateLimit.remaining ?? 'n/a'}`)
}

/** A missing agent, an invalid page size and a bad key, each told apart by its error guard. */
async function typedErrors(client: AmigoClient, env: ExampleEnv) {
  // A missing agent: the error is typed, so the handler can pick a branch without parsing messages.
  const notFound = await describeFailure(() => client.agents.get('00000000-0000-0000-0000-000000000000'))
  console.log(`get(missing agent) → ${notFound}`)

  // One page holds at most 20 agents: asking for more is refused, and the error names the field.
  const invalid = await describeFailure(() => client.agents.list({ limit: 500 }))
  console.log(`list({ limit: 500 }) → ${invalid}`)

  // A bad key: authentication errors are never retried, and the key never appears in the message.
  const wrongKey = new AmigoClient({ ...env, apiKey: 'not-a-real-key' })
  console.log(`bad key → ${await describeFailure(() => wrongKey.agents.list())}`)
  return { notFound, invalid }
}

/** The mock's fault injection: a slow answer against a per-call timeout, and 503s retried away. */
async function injectedFaults(client: AmigoClient): Promise<string> {
  // The mock delays a request on demand; a per-call timeout shorter than the delay fails fast
  // instead of waiting, and maxRetries: 0 stops the client from trying again.
  const timeout = await describeFailure(() =>
    client.agents.list({}, { timeout: 50, maxRetries: 0, headers: { 'x-mock-fault': 'latency=500' } }),
  )
  console.log(`50 ms timeout on a 500 ms response → ${timeout}`)
  // Two 503s then success: GETs are retried with backoff, so the caller only sees the success.
  const recovered = await client.agents.list(
    { limit: 1 },
    { headers: { 'x-mock-fault': 'status=503;times=2' } },
  )
  console.log(`two 503s then → status ${recovered.lastResponse.statusCode}`)
  return timeout
}

/** Runs `call` and names the kind of error it failed with, the way an application would branch. */
async function describeFailure(call: () => Promise<unknown>): Promise<string> {
  try {
    await call()
    return 'succeeded'
  } catch (err) {
    if (isNotFoundError(err)) return `not found (request ${err.requestId})`
    if (isValidationError(err))
      return `invalid: ${err.issues.map((i) => `${i.loc.join('.')} ${i.msg}`).join('; ')}`
    if (isRateLimitError(err)) return `rate limited, retry after ${err.retryAfter}s`
    if (isAuthenticationError(err)) return `authentication failed (${err.status})`
    if (isRequestTimeoutError(err)) return 'timed out'
    if (err instanceof AmigoError) return `API error: ${err.message} ${err.errorCode ?? ''}`
    throw err
  }
}

await runExample(import.meta.url, main)
