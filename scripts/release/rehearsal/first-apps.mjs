// The consumer apps installed after the first release, each from the registry alone: a webhook
// handler (only @amigo-ai/webhooks), a service (the umbrella and the platform mock), and the
// `amigo` command from @amigo-ai/cli (the Chromium dashboard is in dashboard-check.mjs).
import { createHmac } from 'node:crypto'
import { join } from 'node:path'
import { parseResults } from '../../runtimes/exec.mjs'
import { startServerApp } from './consumer.mjs'
import { installApp, userEnv } from './install-app.mjs'

/** Reports each `RESULT` line of an app run as a check (and a missing one as a failure). */
export function reportResults(ctx, app, run, expected) {
  const results = parseResults(run.stdout)
  for (const r of results) ctx.t.check(`${app}: ${r.check}`, r.ok, r.detail)
  if (results.length < expected || run.code !== 0) {
    ctx.t.check(
      `${app} ran to the end`,
      false,
      `exit ${run.code}, ${results.length}/${expected} results\n${run.output}`,
    )
  }
}

/** Signs `body` the way the platform does (HMAC-SHA256 over `v1:<timestamp>:<body>`), without the SDK. */
function platformSignature(body, secret, timestamp) {
  return `sha256=${createHmac('sha256', secret).update(`v1:${timestamp}:${body}`).digest('hex')}`
}

export async function webhookApp(ctx) {
  const { t } = ctx
  const { dir, installed } = await installApp(
    ctx,
    'webhook-handler',
    ['webhook-handler.mjs'],
    ['@amigo-ai/webhooks'],
  )
  const names = installed.map((p) => p.name)
  t.check(
    'webhook handler: node_modules holds only @amigo-ai/webhooks',
    names.join() === '@amigo-ai/webhooks',
    names.join(', '),
  )
  const secret = 'whsec_rehearsal_handler'
  const handler = await startServerApp(dir, 'webhook-handler.mjs', { AMIGO_WEBHOOK_SECRET: secret })
  try {
    const body = JSON.stringify({
      id: 'evt_rehearsal',
      type: 'call.completed',
      timestamp: new Date().toISOString(),
      data: { call_id: 'call_rehearsal' },
    })
    const timestamp = String(Math.floor(Date.now() / 1000))
    const deliver = (signature) =>
      fetch(`http://127.0.0.1:${handler.port}/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-amigo-signature': signature,
          'x-amigo-timestamp': timestamp,
        },
        body,
      }).then(async (res) => ({ status: res.status, text: await res.text() }))
    const good = await deliver(platformSignature(body, secret, timestamp))
    t.check(
      'webhook handler: accepts a correctly signed delivery',
      good.status === 200 && good.text.includes('evt_rehearsal'),
      `${good.status} ${good.text}`,
    )
    const bad = await deliver(platformSignature(body, 'whsec_someone_else', timestamp))
    t.check(
      'webhook handler: refuses a delivery signed with another secret',
      bad.status === 400,
      `${bad.status} ${bad.text}`,
    )
  } finally {
    await handler.stop()
  }
}

export async function serviceApp(ctx) {
  const { dir } = await installApp(
    ctx,
    'service',
    ['service.mjs'],
    ['@amigo-ai/platform-sdk', '@amigo-ai/platform-mock'],
  )
  reportResults(ctx, 'service', await ctx.runApp(dir, 'service.mjs'), 2)
  return dir
}

export async function cliApp(ctx, first) {
  const { t } = ctx
  const version = first.after.get('@amigo-ai/cli')?.version
  const { dir } = await installApp(ctx, 'cli', [], ['@amigo-ai/cli'])
  const amigo = join(dir, 'node_modules', '.bin', 'amigo')
  const opts = { cwd: dir, env: userEnv(), timeoutMs: 60_000 }
  const printed = (await ctx.sh(amigo, ['--version'], opts)).stdout.trim()
  t.check(`amigo --version prints the published ${version}`, printed === version, printed)
  const secret = 'whsec_rehearsal_cli'
  const delivery = await ctx.sh(
    amigo,
    ['webhooks', 'trigger', 'call.ended', '--print', '--secret', secret],
    opts,
  )
  const verified = await ctx.sh(amigo, ['webhooks', 'verify', '--secret', secret], {
    ...opts,
    input: delivery.stdout,
    allowFail: true,
  })
  t.check(
    'amigo webhooks verify accepts what amigo webhooks trigger --print signed',
    verified.code === 0,
    verified.stdout.trim().split('\n')[0],
  )
}
